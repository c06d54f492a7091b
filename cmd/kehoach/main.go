// Command kehoach turns Vietnamese provincial IT and digital-government
// plans into searchable, comparable data. See README.md.
package main

import (
	"context"
	"os"
)

func main() { os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr)) }
