/* ferry-safe-text.c: text a server sent, made harmless to show in a terminal
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A display name, a note, a version string or an error message comes from a server, which may
 * be hostile. In a terminal, ESC and CSI (0x9b) start sequences that retitle the window, clear
 * the screen or move the cursor; a carriage return or backspaces overwrite what Ferry printed (a
 * fake "Signed in as …" line); BEL rings; bidi overrides (U+202E) show text backwards. Every
 * such character is replaced by a visible stand-in: C0 controls and DEL by their Control Pictures
 * (ESC becomes ␛), C1 controls, bidi controls, line and paragraph separators and invalid UTF-8
 * by U+FFFD. What comes out is valid UTF-8 and safe again: ferry_safe_text() of its own output
 * changes nothing.
 */

#define G_LOG_DOMAIN "ferry-safe-text"

#include "config.h"

#include <string.h>

#include "ferry-safe-text.h"

#define REPLACEMENT 0xfffd

/**
 * ferry_safe_text_is_unsafe:
 * @c: a character
 *
 * Returns: whether @c may change what a terminal shows beyond itself: a C0 control (newline
 * and tab too), DEL, a C1 control, a bidi control or a line or paragraph separator.
 */
gboolean
ferry_safe_text_is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x061c ||                     /* ARABIC LETTER MARK */
         c == 0x200e || c == 0x200f ||      /* LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK */
         (c >= 0x2028 && c <= 0x202e) ||    /* LINE / PARAGRAPH SEPARATOR, embeddings, overrides */
         (c >= 0x2066 && c <= 0x2069);      /* isolates */
}

static void
append_stand_in (GString            *out,
                 gunichar            c,
                 FerrySafeTextFlags  flags)
{
  if (flags & FERRY_SAFE_TEXT_JSON)
    g_string_append_printf (out, "\\u%04x", c);
  else if (c < 0x20)
    g_string_append_unichar (out, 0x2400 + c);   /* CONTROL PICTURES: ␛ ␇ ␈ ␍ */
  else if (c == 0x7f)
    g_string_append_unichar (out, 0x2421);       /* ␡ */
  else
    g_string_append_unichar (out, REPLACEMENT);
}

/**
 * ferry_safe_text:
 * @text: (nullable): text from a server, in any encoding
 * @length: its length in bytes, or -1 when it ends with NUL
 * @flags: one line, several, or JSON
 *
 * Returns: (transfer full): @text with every character that is unsafe in a terminal replaced
 * by a visible stand-in, and invalid UTF-8 by U+FFFD; "" for %NULL.
 */
char *
ferry_safe_text (const char         *text,
                 gssize              length,
                 FerrySafeTextFlags  flags)
{
  g_autoptr(GString) out = NULL;
  const char *p = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = length < 0 ? text + strlen (text) : text + length;
  out = g_string_sized_new ((gsize) (end - text) + 1);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* One byte at a time: a stray 0x9b (CSI), a truncated sequence, an embedded NUL. */
          g_string_append_unichar (out, REPLACEMENT);
          p++;
          continue;
        }
      if (c == '\n' || c == '\t')
        {
          if (flags & (FERRY_SAFE_TEXT_KEEP_NEWLINES | FERRY_SAFE_TEXT_JSON))
            g_string_append_c (out, (char) c);
          else
            g_string_append_c (out, ' ');
        }
      else if (ferry_safe_text_is_unsafe (c))
        append_stand_in (out, c, flags);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
