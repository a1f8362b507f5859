"""Every string a person reads in the dashboard, Swedish first, English beside it."""
