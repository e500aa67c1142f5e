// How far casus check's search for overlaps may go (data only: the CLI and the report read it too).

/**
 * How far the search for overlaps goes: pairs of rules with incompatible outcomes examined, and search nodes visited.
 * The bundled rules need 325 pairs and under 1,000 nodes; an untrusted set of 400 rules ran for minutes without these.
 */
export interface SearchBounds {
  pairs: number;
  nodes: number;
}
export const SEARCH_BOUNDS: SearchBounds = { pairs: 20_000, nodes: 500_000 };
/** The environment variables that raise each bound for a rule set one trusts. */
export const BOUND_ENV: Record<keyof SearchBounds, string> = {
  pairs: 'CASUS_CHECK_MAX_PAIRS',
  nodes: 'CASUS_CHECK_MAX_NODES',
};
