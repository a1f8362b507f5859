"""The pages: each page's layout and the callbacks that drive it, the shell around them and the routing between them."""
