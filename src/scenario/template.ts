// The scenario `casus new` writes: complete, valid and quiet (no
// breach), each line saying what it does, as a base to edit.

/** A quiet timeline: all five sign, both sides withdraw, Ukraine votes within the deadline, the US is compensated. */
export function scenarioTemplate(id: string, title: string): string {
  const quoted = JSON.stringify(title);
  // a backslash ending a line joins it to the next: the file written keeps each event on one line
  return `# A casus scenario: a timeline of events; casus run ${id}.yaml says what each one does to the guarantee.
scenario: ${id}                  # its id: always the file's name without .yaml
title: ${quoted}
description: >
  A quiet start: every party signs, both armies pull back, Ukraine votes in time and the US
  is compensated. Nothing is breached. Add your events below and change the expectations.
# interpretations: { attack-test: large-scale }   # optional: how to read an ambiguous clause (casus --help lists them)
# parameters: { force-cap: 600000 }                # optional: a number the plan sets
# until: 2036-12-31                                # optional: run the clock to this date (deadlines, the term's end)
events:                                            # in date order; events on one day apply in file order
  - { at: 2026-01-10, type: signature, party: UA }  # Ukraine signs
  - { at: 2026-01-10, type: signature, party: RU }  # Russia signs
  - { at: 2026-01-10, type: signature, party: US }  # the US signs
  - { at: 2026-01-12, type: signature, party: EU }  # the EU signs
  - { at: 2026-01-12, type: signature, party: NATO }  # NATO signs: \
all five, the agreement is concluded and the guarantee in force
  - { at: 2026-02-01, type: compensation-paid }  # the US is compensated (10a): \
the guarantee waits for this under compensation = precondition
  - { at: 2026-02-20, type: withdrawal-completed, party: UA }  # Ukraine pulls back to the agreed positions
  - { at: 2026-03-01, type: withdrawal-completed, party: RU }  # Russia too: \
the ceasefire takes effect and implementation begins (28)
  - { at: 2026-04-12, type: election-held, party: UA }  # Ukraine votes within 100 days of the fifth signature (25)
  # - { at: 2029-03-01, type: armed-attack, by: RU, against: UA, scale: large-scale, \
crossesLine: true, deliberate: true, sustained: true }
expect:                                            # optional: what must hold; casus test checks it
  - { on: 2026-01-12, agreement: concluded, guarantee: in-force }  # on the fifth signature
  - { on: 2026-03-01, agreement: implementing, ceasefire: in-effect, russiaBenefits: granted } \
 # once both have withdrawn
  - { on: end, guarantee: in-force, sanctions: in-place, breaches: [] }  # at the last event: quiet
`;
}
