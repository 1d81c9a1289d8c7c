// Prints, for each duration text Flux accepts, what Go's time package (which Flux uses) makes of it:
// the text, its length in milliseconds, and Go's time.Duration.String().
//
// Regenerate the checked-in table with:
//   GO111MODULE=off go run engine/src/test/go/fluxduration/main.go > engine/src/test/resources/io/jenkins/plugins/carvelgitops/engine/config/go-durations.csv
package main

import (
	"fmt"
	"time"
)

func main() {
	inputs := []string{"0s", "1ms", "500ms", "999ms", "1s", "1.5s", "30s", "59s", "60s", "90s", "1m", "1m30s",
		"2m0.25s", "5m", "10m", "59m59s", "60m", "1h", "1h30m", "1.5h", "1h0m1s", "1h0m0.5s", "2h15m30s",
		"25h", "100h"}
	fmt.Println("text,millis,go")
	for _, in := range inputs {
		d, err := time.ParseDuration(in)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s,%d,%s\n", in, d.Milliseconds(), d.String())
	}
}
