"""Playwright page objects: one class per page or component. Constructors only build
locators (role, then label, then text); methods say what the user does; `open()` navigates."""
