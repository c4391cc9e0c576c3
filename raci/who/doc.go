// Package who answers "who?" questions about a register as of a date: who is
// responsible, accountable, consulted or informed for an activity or a process,
// who owns an asset or a risk and who accepted it, who may take a decision
// (grant access, approve an exception or a supplier, accept a risk), who holds
// or stands in for a role, and everything one person is responsible for.
//
// A Querier is built once from a register, the date the answers are as of
// (holders on leave and leavers, delegations that have not started or have
// expired, expired risk acceptances all depend on it) and the two acceptance
// parameters the rules use. Every question returns an *Answer that names the
// roles concerned with their holders (directly or through teams) and deputies,
// says whether each role can act today, and renders itself as text
// (Answer.WriteText) or JSON (Answer.WriteJSON).
//
// Who may accept a risk follows exactly the entitlement reading of rule
// A52-RISK-004: an acceptance is entitled when Querier.MayDecide for the risk
// includes its acceptor.
//
// Package who reads registers only. It must never import the engine
// (github.com/rolecall/rolecall/raci/engine), OPA or anything that links them
// (TestWhoPackageLinksNoOPA holds this), so that a tool that answers questions
// about a register stays small.
package who
