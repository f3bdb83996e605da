/**
 * The commented starting points of new files. Values here are placeholders that
 * `new meeting` and `new position` replace; the comments are what the user reads.
 */

/** The comment above `formation` in a new meeting file, without its `#`. */
export const FORMATION_COMMENT = ' Council configuration, e.g. EYCS (Education, Youth, Culture and Sport).';

/** A new meeting file. */
export const MEETING_SKELETON = `#
# One EU Council meeting and the report prepared for it. Fill in the fields below,
# then run \`briefing check\` (or \`briefing build <this file> --watch\` to see the report).
#
# Text fields marked "Markdown" may use paragraphs (a blank line between them), **bold**,
# *italic*, lists written "1)", "2)", and footnotes ([^1], defined as "[^1]: …" at the end).
# All other text is printed as written.

# Day of the meeting, and its start time if known: time: "10.00" (printed "plkst. 10.00").
# A meeting over several days gives its last day too: end_date: 2000-01-02 (printed "1. un 2. janvārī").
date: 2000-01-01
time: "10.00"

# informal | formal; videoconference | in-person.
kind: formal
mode: in-person

#${FORMATION_COMMENT}
formation: x
presidency: x

# The topic of the discussion, printed in quotes in the opening paragraph. For the English note
# (template informative-report.en), topic_en, outcome_en, background_en and each question's text_en give
# the same in English.
topic: x

# The meeting's name in the cases the report needs:
#   nominative     – "… notiks <nominative>"
#   locative       – title: "… <locative> izskatāmajiem jautājumiem"
#   short_locative – "… 19. februāra <short_locative>" in the invitation to answer
name:
  nominative: x
  locative: x
  short_locative: x

# Markdown. What the discussion feeds into (optional); ends the opening paragraph.
# outcome: >-
#   …

# Markdown. Your summary of the presidency's paper and the earlier acts, one paragraph
# per block, indented under "background: |".
background: x

# The questions put to the ministers, in the order the report answers them. One entry
# per question; \`position\` is the id of the position that answers it
# (create it with \`briefing new position <id>\`):
#   - text: Kā ES sadarbība var …?
#     position: educ-eu-cooperation
questions: []

# Ministries (codes from the ministries registry) that must clear every position used.
# They are named in the last line of the report: "… saskaņots ar …".
required_clearances: []

# Template (see \`briefing templates\`) and the file code that names the output files.
template: x
file_code: x

# Who signs the report (the signature block) and who endorses it (the visa line).
# The defaults come from \`signature\` and \`visa\` in briefing.config.yaml.
signature: { role: x, name: x }
visa: { role: x, name: x }
`;

/** A new position file. */
export const POSITION_SKELETON = `#
# A country position: the answer printed under a question of a report. It is cleared
# with other ministries before use: raise \`version\` with every change of substance,
# and record each ministry's answer with \`briefing clear\`.

id: x
version: 1
status: draft # draft while negotiated; cleared once every ministry has agreed
owner:
  ministry: x
  unit: x

# The question(s) this position answers, in short (plain text).
questions:
  - x

# Markdown. The answer as the report prints it, indented under "body: |":
# paragraphs separated by a blank line, "1)" lists, **bold**, *italic*.
body: x

# Clearance by ministry code. pending: sent, no answer yet. Record each answer with
#   briefing clear <this file> --ministry <code> [--date YYYY-MM-DD] [--ref "letter or e-mail"]
clearance: {}

# Optional: short points for the minister's speaking notes (template speaking-points.lv).
# speaking_points:
#   - …
`;
