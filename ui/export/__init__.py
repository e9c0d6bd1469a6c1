"""Getting a map out: interchange export, report pictures and the report preview."""
