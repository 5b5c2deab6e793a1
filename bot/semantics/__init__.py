"""Sentence meaning as numbers: a small pretrained sentence encoder, run on the CPU."""
