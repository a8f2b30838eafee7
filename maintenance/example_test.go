package maintenance_test

import (
	"fmt"
	"time"

	"github.com/errorpage/errorpage/maintenance"
)

// A Switch is off until enabled; Changed is closed at the next change of
// state, so a program can wait for one.
func ExampleSwitch() {
	var sw maintenance.Switch
	fmt.Println(sw.State().On)

	changed := sw.Changed()
	sw.Enable(maintenance.State{Message: "Upgrading the database.", Retry: 5 * time.Minute})
	<-changed
	st := sw.State()
	fmt.Println(st.On, st.Message, st.Retry)

	sw.Disable()
	fmt.Println(sw.State().On)
	// Output:
	// false
	// true Upgrading the database. 5m0s
	// false
}

// A trigger file may be empty, which means "on" with the built-in texts,
// or hold the maintenance document.
func ExampleParseTriggerFile() {
	st, err := maintenance.ParseTriggerFile(nil)
	fmt.Println(st.On, err)

	st, err = maintenance.ParseTriggerFile([]byte(`{"message": "Back soon", "until": "2026-11-23T15:00:00Z", "retry": 90}`))
	fmt.Println(st.On, st.Message, st.Until.Format(time.RFC3339), st.Retry, err)

	_, err = maintenance.ParseTriggerFile([]byte(`{"untill": "2026-11-23T15:00:00Z"}`))
	fmt.Println(err)
	// Output:
	// true <nil>
	// true Back soon 2026-11-23T15:00:00Z 1m30s <nil>
	// errorpage: maintenance document: json: unknown field "untill"
}
