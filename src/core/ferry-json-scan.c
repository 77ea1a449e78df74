/* ferry-json-scan.c: a few string members of a line of Ferry's own journals, without a parse
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The backup's output step needs one or two members ("acct", "uri", "note", a post's "id") of
 * every line its journals hold, thousands of lines that were parsed once already when they
 * came from the server. A full parse of each again cost more than the rest of the step; this
 * walks the line instead. Journal lines are json-glib's, which write a string as it is unless
 * it holds a quote, a backslash or a control character: a wanted string with an escape in it
 * makes the scan give up, and the caller parses that line.
 */

#define G_LOG_DOMAIN "ferry-json-scan"

#include "config.h"

#include <string.h>

#include "ferry-json-scan.h"

/* Past the JSON string that starts at @p (a '"'), or NULL. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Past the JSON value that starts at @p, or NULL: strings whole, objects and arrays by their
 * brackets (strings inside them skipped), anything else up to the next , } or ]. */
static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  if (p < end && *p == '"')
    return skip_string (p, end);
  for (; p < end; p++)
    {
      if (*p == '"')
        {
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          p--;
        }
      else if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        {
          if (depth == 0)
            return p;
          if (--depth == 0)
            return p + 1;
        }
      else if (*p == ',' && depth == 0)
        return p;
    }
  return depth == 0 ? p : NULL;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/**
 * ferry_json_scan_members:
 * @line: one JSON object (a journal line), not NUL-terminated
 * @keys: (array length=n_keys): the top-level members wanted
 * @values: (out) (array length=n_keys): each member's text (newly allocated), or %NULL when it
 *   is absent or no string
 *
 * The top-level string members @keys of the object on @line, without parsing it all. The whole
 * line is walked, to its closing brace.
 *
 * Returns: %FALSE when the scan cannot follow the line (not an object, damaged, or a wanted
 *   string with an escape in it): then the caller parses it, and @values are all %NULL
 */
gboolean
ferry_json_scan_members (const char  *line,
              gsize        length,
              const char **keys,
              guint        n_keys,
              char       **values)
{
  const char *end = line + length;
  const char *p = skip_space (line, end);

  memset (values, 0, n_keys * sizeof *values);
  if (p >= end || *p != '{')
    return FALSE;
  p = skip_space (p + 1, end);
  if (p < end && *p == '}')
    return skip_space (p + 1, end) == end;
  while (p < end && *p == '"')
    {
      const char *key = p + 1;
      const char *key_end = skip_string (p, end);
      gint wanted = -1;

      if (key_end == NULL)
        break;
      for (guint i = 0; i < n_keys; i++)
        if ((gsize) (key_end - 1 - key) == strlen (keys[i]) &&
            memcmp (key, keys[i], key_end - 1 - key) == 0)
          wanted = (gint) i;
      p = skip_space (key_end, end);
      if (p >= end || *p != ':')
        break;
      p = skip_space (p + 1, end);
      if (wanted >= 0 && p < end && *p == '"')
        {
          const char *value_end = skip_string (p, end);

          if (value_end == NULL || memchr (p, '\\', value_end - p) != NULL)
            break;
          g_free (values[wanted]);
          values[wanted] = g_strndup (p + 1, value_end - 1 - (p + 1));
          p = value_end;
        }
      else if ((p = skip_value (p, end)) == NULL)
        break;
      p = skip_space (p, end);
      if (p < end && *p == '}')
        {
          if (skip_space (p + 1, end) == end)
            return TRUE;
          break;
        }
      if (p >= end || *p != ',')
        break;
      p = skip_space (p + 1, end);
    }
  for (guint i = 0; i < n_keys; i++)
    g_clear_pointer (&values[i], g_free);
  return FALSE;
}

