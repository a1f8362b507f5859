"""What a view shows, as pure functions: the state a URL describes, what can colour the map, numbers and years for readers."""
