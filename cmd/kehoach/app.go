package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/urfave/cli/v2"

	"kehoach/corpus"
)

// commands is filled by the init functions of the cmd_*.go files, one
// command per file.
var commands []*cli.Command

func register(c *cli.Command) { commands = append(commands, c) }

// atExit runs after every command, in order, whatever its outcome (the
// search index registers its merge-and-close here).
var atExit []func()

// exitError carries an exit code decided by a command (eval below its
// threshold, a batch with failures).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func newApp(out, errw io.Writer) *cli.App {
	cs := append([]*cli.Command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	return &cli.App{
		Name:           "kehoach",
		Usage:          "search and compare Vietnamese provincial IT and digital-government plans",
		Writer:         out,
		ErrWriter:      errw,
		ExitErrHandler: func(*cli.Context, error) {},
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "data", Usage: "data directory", EnvVars: []string{"KEHOACH_DATA"}, Value: "./kehoach-data"},
		},
		Commands: cs,
	}
}

func run(ctx context.Context, args []string, out, errw io.Writer) int {
	err := newApp(out, errw).RunContext(ctx, args)
	for _, f := range atExit {
		f()
	}
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(errw, "kehoach:", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(errw, "kehoach:", err)
	return 1
}

// openStore opens the data directory named by --data.
func openStore(c *cli.Context) (*corpus.Store, error) {
	return corpus.Open(c.String("data"))
}

// openStoreLazy opens the data directory without reading its manifest
// until something needs it (a search against a current index never does).
func openStoreLazy(c *cli.Context) (*corpus.Store, error) {
	return corpus.OpenLazy(c.String("data"))
}

// stdinOr returns os.Stdin for "-".
func isStdin(name string) bool { return name == "-" }

var _ = os.Stdin
