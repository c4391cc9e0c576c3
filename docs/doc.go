// Package docs holds rolecall's user documentation, as Markdown, and the tests
// that keep it honest. The package has no code of its own; its tests are:
//
//   - TestGettingStarted follows getting-started.md as a reader would, writing
//     each file and running each command against a rolecall built from
//     cmd/rolecall, and fails when the page and the program disagree on an exit
//     code or an output, or when the register it builds is not
//     getting-started/company.yaml;
//   - TestGuides follows the commands and files of the other guides the same
//     way (guides_test.go says which instructions a page may give);
//   - TestGoSnippets compiles the Go snippets of README.md and the guides against
//     today's API, and runs the complete programs and tests;
//   - TestGoTestCommands fails when a `go test` command of a page names a package
//     or a test that does not exist;
//   - TestLinks fails when a relative link, an anchor or a backquoted repository
//     path in README.md or a page under docs/ names nothing.
package docs
