// React 18 warns about act() on every state update in Vitest's browser mode;
// the story tests wait on real DOM changes instead.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
