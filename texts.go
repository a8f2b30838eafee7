package errorpage

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/errorpage/errorpage/pages"
)

// buildTexts merges the languages of Options.Languages into the built-in
// ones and puts the default language first, where the matcher falls back.
//
// A text whose Tag equals a built-in language's (after BCP 47
// canonicalization: "pt-br" is "pt-BR") overrides the strings it sets and
// keeps the others. Any other tag adds a language; the strings it leaves
// empty are the default language's. A Plural, and Months, are taken as a
// whole when any of their forms is set, since forms differ between
// languages.
func buildTexts(extra []pages.Text, defaultTag string) ([]pages.Text, error) {
	texts := pages.Languages()
	index := func(tag language.Tag) int {
		return slices.IndexFunc(texts, func(t pages.Text) bool { return language.Make(t.Tag) == tag })
	}
	if defaultTag != "" {
		if _, err := language.Parse(defaultTag); err != nil {
			return nil, fmt.Errorf("errorpage: DefaultLanguage %q is not a BCP 47 tag: %w", defaultTag, err)
		}
	}
	for i, t := range extra {
		tag, err := language.Parse(t.Tag)
		if err != nil {
			return nil, fmt.Errorf("errorpage: Languages[%d]: Tag %q is not a BCP 47 tag: %w", i, t.Tag, err)
		}
		switch t.Dir {
		case "", "ltr", "rtl":
		default:
			return nil, fmt.Errorf("errorpage: Languages[%d] (%s): Dir %q must be ltr, rtl or empty", i, t.Tag, t.Dir)
		}
		if n := utf8.RuneCountInString(t.Digits); t.Digits != "" && n != 10 {
			return nil, fmt.Errorf("errorpage: Languages[%d] (%s): Digits has %d characters, want the ten digits 0 to 9", i, t.Tag, n)
		}
		for code := range t.Statuses {
			if code < 400 || code > 599 {
				return nil, fmt.Errorf("errorpage: Languages[%d] (%s): Statuses has %d, which is not a client or server error", i, t.Tag, code)
			}
		}
		if j := index(tag); j >= 0 {
			texts[j] = mergeText(texts[j], t)
			continue
		}
		base := texts[0]
		if defaultTag != "" {
			if j := index(language.Make(defaultTag)); j >= 0 {
				base = texts[j]
			}
		}
		base.Dir = "ltr"
		added := mergeText(base, t)
		added.Tag = tag.String()
		texts = append(texts, added)
	}
	def := 0
	if defaultTag != "" {
		if def = index(language.Make(defaultTag)); def < 0 {
			var tags []string
			for _, t := range texts {
				tags = append(tags, t.Tag)
			}
			return nil, fmt.Errorf("errorpage: DefaultLanguage %q is not one of the languages (%s); add it with Languages", defaultTag, strings.Join(tags, ", "))
		}
	}
	if def > 0 {
		d := texts[def]
		texts = append([]pages.Text{d}, slices.Delete(texts, def, def+1)...)
	}
	return texts, nil
}

// mergeText returns base with every non-empty string of over.
func mergeText(base, over pages.Text) pages.Text {
	out := base
	if over.Dir != "" {
		out.Dir = over.Dir
	}
	if over.DateLayout != "" {
		out.DateLayout = over.DateLayout
	}
	mergeStrings(reflect.ValueOf(&out.Labels).Elem(), reflect.ValueOf(over.Labels))
	mergeStrings(reflect.ValueOf(&out.Generic).Elem(), reflect.ValueOf(over.Generic))
	mergeStrings(reflect.ValueOf(&out.GenericClient).Elem(), reflect.ValueOf(over.GenericClient))
	mergeStrings(reflect.ValueOf(&out.Maintenance).Elem(), reflect.ValueOf(over.Maintenance))
	out.Statuses = maps.Clone(base.Statuses)
	if out.Statuses == nil {
		out.Statuses = map[int]pages.StatusText{}
	}
	for code, st := range over.Statuses {
		merged, ok := out.Statuses[code]
		switch {
		case ok:
		case code < 500:
			merged = out.GenericClient
		default:
			merged = out.Generic
		}
		mergeStrings(reflect.ValueOf(&merged).Elem(), reflect.ValueOf(st))
		out.Statuses[code] = merged
	}
	for _, p := range []struct{ dst, src *pages.Plural }{
		{&out.Seconds, &over.Seconds}, {&out.Minutes, &over.Minutes}, {&out.Hours, &over.Hours}, {&out.Days, &over.Days},
	} {
		if *p.src != (pages.Plural{}) {
			*p.dst = *p.src
		}
	}
	if over.Months != ([12]string{}) {
		out.Months = over.Months
	}
	if over.Digits != "" {
		out.Digits = over.Digits
	}
	return out
}

// mergeStrings copies the non-empty string fields of src into dst, two
// values of the same struct type.
func mergeStrings(dst, src reflect.Value) {
	for i := range src.NumField() {
		if f := src.Field(i); f.Kind() == reflect.String && f.String() != "" {
			dst.Field(i).SetString(f.String())
		}
	}
}
