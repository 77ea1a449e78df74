/* ferry-safe-text.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FERRY_SAFE_TEXT_LINE          = 0,       /* one line: newlines and tabs become spaces */
  FERRY_SAFE_TEXT_KEEP_NEWLINES = 1 << 0,  /* newlines and tabs stay (several lines, as a note) */
  FERRY_SAFE_TEXT_JSON          = 1 << 1,  /* text is JSON: what is dangerous becomes \uXXXX */
} FerrySafeTextFlags;

char     *ferry_safe_text          (const char         *text,
                                    gssize              length,
                                    FerrySafeTextFlags  flags);
gboolean  ferry_safe_text_is_unsafe (gunichar           c);

G_END_DECLS
