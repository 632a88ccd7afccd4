// Runs before every test file: a test configuration, before any module reads it.
process.env.APP_ENV = "test";
