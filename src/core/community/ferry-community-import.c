/* ferry-community-import.c: members from pasted text and files, and the roster as CSV
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What people have at hand: a list of addresses typed or pasted (one a line, with or
 * without the leading @, or the profile's URL), Mastodon's follow CSV from the export page
 * (header "Account address,Show boosts,Notify on new posts,Languages"), or a two-column file
 * old,new that says where each member is going.
 */

#include "config.h"

#include <string.h>

#include "ferry-community.h"
#include "ferry-csv.h"
#include "ferry-handle.h"

/* A list of 5,000 members is well under this; the rest of a bigger paste is not a roster. */
#define MAX_IMPORT_BYTES (16 * 1024 * 1024)

static gboolean
is_address (const char *text)
{
  g_autoptr(FerryHandle) handle = NULL;

  if (text == NULL || text[0] == '\0' || text[0] == '#')
    return FALSE;
  handle = ferry_handle_parse (text, FERRY_HANDLE_PARSE_DEFAULT, NULL);
  return handle != NULL && handle->username != NULL;
}

static gboolean
looks_like_csv (const char *text,
                gsize       length)
{
  const char *end = memchr (text, '\n', length);
  gsize first = end ? (gsize) (end - text) : length;

  return memchr (text, ',', first) != NULL;
}

static guint
import_row (FerryCommunity     *self,
            const char * const *fields,
            FerryMemberSource   source,
            guint              *n_skipped)
{
  guint before = ferry_community_get_n_members (self);
  FerryMember *member;

  if (fields[0] == NULL || !is_address (g_strstrip ((char *) fields[0])))
    {
      (*n_skipped)++;
      return 0;
    }
  member = ferry_community_add_member (self, fields[0], source, NULL);
  if (member == NULL)
    {
      (*n_skipped)++;
      return 0;
    }
  /* A second column that is an address says where the member goes (old,new); in a follow
   * CSV it is "true"/"false" and is ignored. */
  if (fields[1] != NULL && is_address (g_strstrip ((char *) fields[1])))
    ferry_member_set_new_address (member, fields[1]);
  return ferry_community_get_n_members (self) - before;
}

guint
ferry_community_import (FerryCommunity    *self,
                        const char        *text,
                        gssize             length,
                        FerryMemberSource  source,
                        guint             *n_skipped)
{
  guint skipped = 0;
  guint added = 0;
  gsize len;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  len = length < 0 ? strlen (text) : (gsize) length;
  len = MIN (len, MAX_IMPORT_BYTES);
  /* A UTF-8 byte-order mark, as spreadsheets write it. */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  if (looks_like_csv (text, len))
    {
      g_autoptr(GPtrArray) rows = ferry_csv_parse (text, len, NULL);

      if (rows != NULL)
        {
          for (guint i = 0; i < rows->len; i++)
            {
              const char * const *fields = g_ptr_array_index (rows, i);

              /* The follow CSV's header, or any header row: not counted as skipped. */
              if (i == 0 && fields[0] != NULL && !is_address (fields[0]) &&
                  strchr (fields[0], '.') == NULL)
                continue;
              added += import_row (self, fields, source, &skipped);
            }
          if (n_skipped != NULL)
            *n_skipped = skipped;
          return added;
        }
    }

  /* One address a line (or several separated by spaces or commas). */
  {
    g_autofree char *copy = g_strndup (text, len);
    g_auto(GStrv) lines = g_strsplit_set (copy, "\r\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) words = NULL;
        char *line = g_strstrip (lines[i]);

        if (line[0] == '\0' || line[0] == '#')
          continue;
        words = g_strsplit_set (line, " \t,;", -1);
        for (guint w = 0; words[w] != NULL; w++)
          {
            const char *fields[2] = { words[w], NULL };

            if (words[w][0] == '\0')
              continue;
            added += import_row (self, fields, source, &skipped);
          }
      }
  }
  if (n_skipped != NULL)
    *n_skipped = skipped;
  return added;
}

static char *
int_or_empty (gint64 value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

char *
ferry_community_export_roster_csv (FerryCommunity *self)
{
  GString *out;
  const char *header[] = {
    "Old address", "New address", "State", "Sources", "Baseline followers",
    "New followers", "Arrived percent", "Moved to", "Last checked",
  };

  g_return_val_if_fail (FERRY_IS_COMMUNITY (self), NULL);

  out = g_string_new (NULL);
  ferry_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < ferry_community_get_n_members (self); i++)
    {
      FerryMember *member = ferry_community_get_member (self, i);
      g_autofree char *sources = ferry_member_sources_to_ids (ferry_member_get_sources (member));
      g_autofree char *base = int_or_empty (ferry_member_get_baseline_followers (member));
      g_autofree char *now = int_or_empty (ferry_member_get_new_followers (member));
      double ratio = ferry_member_get_arrived_ratio (member);
      g_autofree char *percent = ratio < 0 ? g_strdup ("")
                                           : g_strdup_printf ("%.0f", ratio * 100.0);
      g_autofree char *checked = NULL;
      const char *fields[9];

      if (ferry_member_get_last_checked (member) > 0)
        {
          g_autoptr(GDateTime) when =
            g_date_time_new_from_unix_utc (ferry_member_get_last_checked (member));

          checked = g_date_time_format_iso8601 (when);
        }
      fields[0] = ferry_member_get_old_address (member);
      fields[1] = ferry_member_get_new_address (member);
      fields[2] = ferry_member_state_to_id (ferry_member_get_state (member));
      fields[3] = sources;
      fields[4] = base;
      fields[5] = now;
      fields[6] = percent;
      fields[7] = ferry_member_get_moved_to (member) ? ferry_member_get_moved_to (member) : "";
      fields[8] = checked ? checked : "";
      ferry_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}
