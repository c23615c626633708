"""What needs the advisor's attention: the Today page, notifications of case events, sessions."""
