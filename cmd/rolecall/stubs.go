package main

import (
	"context"
	"fmt"
	"io"
)

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rolecall check: not available yet")
	return exitUsage
}

func cmdRules(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rolecall rules: not available yet")
	return exitUsage
}
