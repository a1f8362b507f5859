"""Who may do what: passwords, permissions, sessions kept on the server, sign-in limits."""
