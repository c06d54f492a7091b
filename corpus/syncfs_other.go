//go:build !linux

package corpus

import "os"

// syncFS makes the files written in a batch durable, one fsync each
// (syncfs(2) is Linux only).
func syncFS(_ string, paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
