/* ferry-csv.c: CSV as Mastodon writes and reads it (Ruby's CSV, api-facts §5)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing: a field is quoted when it holds a comma, a quote or a line break, with quotes
 * doubled; a NULL field (Ruby's nil) is written as nothing; rows end in "\n". That is what
 * Mastodon's exports are, byte for byte.
 * Reading: RFC 4180, "\n" or "\r\n" line ends, blank lines skipped.
 */

#define G_LOG_DOMAIN "ferry-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-csv.h"

#define MAX_SIZE (64 * 1024 * 1024)

G_DEFINE_QUARK (ferry-csv-error-quark, ferry_csv_error)

static void
append_field (GString    *out,
              const char *field)
{
  if (field == NULL)
    return;
  /* A byte order mark that starts the file would be read as one, and lost: quoted, it is
   * part of the field. */
  if (strpbrk (field, ",\"\r\n") == NULL &&
      !(out->len == 0 && g_str_has_prefix (field, "\xef\xbb\xbf")))
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * ferry_csv_append_row:
 * @fields: (array length=n_fields) (nullable): the row; a %NULL field is an empty one
 *
 * Appends one row, with its line end. Accounts go in as ferry_handle_normalize_acct() writes
 * them: the name in the case its server wrote it, the host normalised, as Mastodon's own export
 * does (Export#acct); Ferry compares them with ferry_handle_acct_key(), never by their text here.
 */
void
ferry_csv_append_row (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append_c (out, '\n');
}

static void
end_row (GPtrArray *rows,
         GPtrArray *row)
{
  /* A blank line is no row. */
  if (row->len == 1 && ((char *) g_ptr_array_index (row, 0))[0] == '\0')
    {
      g_ptr_array_set_size (row, 0);
      return;
    }
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
}

/**
 * ferry_csv_parse:
 * @length: the text's length, or -1 when it ends with a NUL
 *
 * Returns: (transfer full) (element-type GStrv): the rows, or %NULL with @error in
 *   %FERRY_CSV_ERROR, saying where the file is broken
 */
GPtrArray *
ferry_csv_parse (const char  *text,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end;
  const char *p;
  guint line = 1;
  guint quote_line = 0;        /* where the open quotation mark is */
  gboolean quoted = FALSE;     /* inside quotes */
  gboolean was_quoted = FALSE; /* this field was quoted (only a separator may follow) */

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (length > MAX_SIZE)
    {
      g_set_error (error, FERRY_CSV_ERROR, FERRY_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB."), MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  end = text + length;
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, FERRY_CSV_ERROR, FERRY_CSV_ERROR_NOT_TEXT,
                           _("The file is not a text file (it is not UTF-8)."));
      return NULL;
    }
  /* A byte order mark, as spreadsheet programs write. */
  p = text;
  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (; p < end; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              was_quoted = TRUE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == ',')
        {
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (c == '\n' || (c == '\r' && p + 1 < end && p[1] == '\n'))
        {
          if (c == '\r')
            p++;
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          end_row (rows, row);
          was_quoted = FALSE;
          line++;
        }
      else if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = TRUE;
          quote_line = line;
        }
      else if (was_quoted || c == '"')
        {
          g_set_error (error, FERRY_CSV_ERROR, FERRY_CSV_ERROR_BAD_QUOTE,
                       _("Line %u has a quotation mark where none can be."), line);
          return NULL;
        }
      else
        g_string_append_c (field, c);
    }

  if (quoted)
    {
      g_set_error (error, FERRY_CSV_ERROR, FERRY_CSV_ERROR_UNTERMINATED,
                   _("Line %u opens a quotation mark that is never closed."), quote_line);
      return NULL;
    }
  /* The last row, when the file does not end with a line break. */
  if (field->len > 0 || row->len > 0 || was_quoted)
    {
      g_ptr_array_add (row, g_strndup (field->str, field->len));
      end_row (rows, row);
    }
  return g_steal_pointer (&rows);
}
