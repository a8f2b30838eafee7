package main

import (
	"context"
	"io"
)

func serve(ctx context.Context, args []string, stdout io.Writer) error {
	return usageErr("serve: not yet")
}
