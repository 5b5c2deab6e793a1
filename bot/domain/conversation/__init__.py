"""The conversation policy: what the bot does with a message, in whatever state it is in."""
