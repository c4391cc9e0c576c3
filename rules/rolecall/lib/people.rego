# Helpers shared by the rules about references, roles, people, communication,
# competence, the register's approval and the policy. Same package as lib.rego,
# whose METADATA describes the package.
package rolecall.lib

# ptr_to_field_or_entity(parts, entity, field) is the JSON pointer to field (a path
# inside entity, as an array) when the entity has it, else to the entity itself
# (parts), so that a finding's path always exists in the register.
ptr_to_field_or_entity(parts, entity, field) := ptr(array.concat(parts, field)) if {
	object.get(entity, field, null) != null
} else := ptr(parts)

# policy_display names the policy by id and title, or by id when it has no title.
policy_display := sprintf("%s %q", [register.policy.id, register.policy.title]) if {
	is_string(register.policy.title)
} else := sprintf("%s", [register.policy.id])

# sorted_list(ids) joins a set of ids in sorted order for a message: "a, b, c".
sorted_list(ids) := concat(", ", sort(ids))
