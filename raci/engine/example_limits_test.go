package engine_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/rolecall/rolecall/raci"
	"github.com/rolecall/rolecall/raci/engine"
)

// Refusing an output path that is one of the command's inputs, as rolecall
// check -o does with the register and the configuration it read.
func ExampleCheckOutput() {
	inputs := []string{"../../examples/registers/acme.yaml", "../../examples/custom-rules/rolecall.yaml"}
	err := engine.CheckOutput("../../examples/custom-rules/../custom-rules/rolecall.yaml", inputs...)
	fmt.Println(errors.Is(err, engine.ErrOutput))
	fmt.Println(engine.CheckOutput("/dev/null", inputs...) != nil)
	// Output:
	// true
	// true
}

// Bounding an evaluation: a time limit, a memory budget and a cap on the
// number of findings. Past the cap, Evaluate fails with an *EvalLimitError.
func ExampleWithMaxFindings() {
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.WithMaxFindings(3), engine.WithMemoryLimit(2<<30))
	if err != nil {
		panic(err)
	}
	reg, err := raci.LoadFile("../../examples/registers/acme.yaml")
	if err != nil {
		panic(err)
	}
	_, err = eng.Evaluate(ctx, reg, raci.MustDate("2026-11-27"))
	var limit *engine.EvalLimitError
	if errors.As(err, &limit) {
		fmt.Println(limit.Limit, limit.Max, errors.Is(err, engine.ErrLimit))
	}
	// Output:
	// findings 3 true
}
