"""Parts of the Team page: export options, case cards, the preview, the team comparison."""
