/* fuzz-safe-text.c: ferry_safe_text on any bytes
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-safe-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const FerrySafeTextFlags all[] = { FERRY_SAFE_TEXT_LINE, FERRY_SAFE_TEXT_KEEP_NEWLINES,
                                     FERRY_SAFE_TEXT_JSON };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *safe = ferry_safe_text ((const char *) data, (gssize) size, all[i]);
      g_autofree char *again = ferry_safe_text (safe, -1, all[i]);

      /* Valid UTF-8, nothing a terminal acts on (newlines and tabs only where kept), and
       * safe text stays as it is. */
      g_assert (g_utf8_validate (safe, -1, NULL));
      for (const char *p = safe; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if ((c == '\n' || c == '\t') && all[i] != FERRY_SAFE_TEXT_LINE)
            continue;
          g_assert (!ferry_safe_text_is_unsafe (c));
        }
      g_assert (g_str_equal (safe, again));
    }
  return 0;
}
