// The matchers that tests/helpers/dom-setup.ts installs, for the type checker.
import '@testing-library/jest-dom/vitest'
