"""Snippets of the 'Outputs and losses' page: the last layer and the loss for each kind of task."""
