"""What an advisor owes each account: service days, weekly updates, authorized contacts."""
