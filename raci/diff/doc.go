// Package diff compares the responsibilities of two versions of a register:
// entities are matched by id, not by line, so reordering a list changes
// nothing, and only what says who is responsible for what is compared (roles,
// who holds them directly or through teams, deputies and reporting lines,
// owners and custodians of assets, owners and acceptances of risks, the RACI
// of activities, authorities, delegations, segregation of duties, the policy's
// overall responsibility and the status of people). Names of people, dates of
// acknowledgements, attributes and the like are not responsibilities and are
// not compared; docs/who-and-diff.md lists every field that is ignored.
//
// Compare returns a *Diff whose Changes say what changed, each as a Kind on a
// subject with the field and its old and new values; Diff.Changed reports
// whether responsibilities changed (a CI gate fails on it) and
// Diff.NeedsReapproval whether they changed while organisation.approved_on
// stayed the same. A Diff renders itself as text, JSON or Markdown.
//
// Package diff reads registers only. It must never import the engine
// (github.com/rolecall/rolecall/raci/engine), OPA or anything that links them
// (TestDiffPackageLinksNoOPA holds this).
package diff
