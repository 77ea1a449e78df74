/* ferry-community-text.c: what the helper posts, composed in the helper's language
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each text is made of sentences in order of need: the new server and the deadline first,
 * then the sign-up link, the guide, what moves and what does not. When the server's limit is
 * too small, the least needed sentences are left out, and only then is the text cut.
 */

#define G_LOG_DOMAIN "ferry-community-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-community-text.h"

/* Where members get Ferry: its page on Flathub, by the app id. */
#define FERRY_COMMUNITY_TEXT_APP_URL "https://flathub.org/apps/io.github.ferryapp.Ferry"

#define URL_CHARS 23

guint
ferry_community_text_length (const char *text)
{
  guint n = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0';)
    {
      gboolean word_start = p == text || g_ascii_isspace (p[-1]);

      if (word_start && (g_str_has_prefix (p, "https://") || g_str_has_prefix (p, "http://")))
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
          n += URL_CHARS;
          continue;
        }
      if (word_start && *p == '@')
        {
          n++;
          p++;
          while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '_'))
            {
              n++;
              p++;
            }
          if (*p == '@')
            while (*p != '\0' && !g_ascii_isspace (*p))
              p++;
          continue;
        }
      p = g_utf8_next_char (p);
      n++;
    }
  return n;
}

char *
ferry_community_text_format_deadline (gint64 deadline)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (deadline);

  /* Translators: a date and time as strftime writes it, for the deadline; keep "UTC" */
  return g_date_time_format (utc, _("%A, %-d %B %Y, %H:%M UTC"));
}

/* Joins sentences (NULLs skipped) with the separators, leaving out optional ones from the end
 * of the list of optionals until it fits, then cutting. */
static char *
fit (GPtrArray *needed,
     GPtrArray *optional,
     guint      max_chars)
{
  if (max_chars == 0)
    max_chars = 500;
  for (guint keep = optional->len + 1; keep-- > 0;)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < needed->len; i++)
        {
          if (text->len > 0)
            g_string_append (text, "\n\n");
          g_string_append (text, g_ptr_array_index (needed, i));
        }
      for (guint i = 0; i < keep; i++)
        {
          g_string_append (text, "\n\n");
          g_string_append (text, g_ptr_array_index (optional, i));
        }
      if (ferry_community_text_length (text->str) <= max_chars)
        return g_string_free (text, FALSE);
      if (keep == 0)
        {
          /* Cut at a character, with an ellipsis: never more than the limit. */
          while (text->len > 0 && ferry_community_text_length (text->str) + 1 > max_chars)
            {
              const char *last = g_utf8_find_prev_char (text->str, text->str + text->len);

              g_string_truncate (text, last ? (gsize) (last - text->str) : 0);
            }
          g_string_append (text, "…");
          return g_string_free (text, FALSE);
        }
      g_string_free (text, TRUE);
    }
  g_return_val_if_reached (NULL);
}

static void
add_common (FerryCommunity *community,
            const char     *guide_url,
            GPtrArray      *needed,
            GPtrArray      *optional)
{
  const char *new_host = ferry_community_get_new_host (community);

  g_ptr_array_add (needed,
                   /* Translators: %s is the new server's address, then its sign-up page */
                   g_strdup_printf (_("1. Make your new account on %s: https://%s/auth/sign_up"),
                                    new_host, new_host));
  g_ptr_array_add (needed,
                   g_strdup (_("2. Move your old account to it; your followers come along.")));
  if (guide_url != NULL)
    g_ptr_array_add (needed,
                     /* Translators: %s is the address of the member guide */
                     g_strdup_printf (_("The guide, step by step: %s"), guide_url));
  g_ptr_array_add (optional,
                   g_strdup (_("Your follows, lists, blocks and mutes move with an export and an "
                               "import. Posts and media do not move: download your archive "
                               "before the deadline.")));
  g_ptr_array_add (optional,
                   /* Translators: %s is where Ferry is installed from (its Flathub page) */
                   g_strdup_printf (_("Ferry can do the whole move for you: %s"),
                                    FERRY_COMMUNITY_TEXT_APP_URL));
}

char *
ferry_community_text_announcement (FerryCommunity *community,
                                   const char     *guide_url,
                                   guint           max_chars)
{
  g_autoptr(GPtrArray) needed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) optional = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  deadline = ferry_community_text_format_deadline (ferry_community_get_deadline (community));
  g_ptr_array_add (needed,
                   /* Translators: the community's name, the new server, the deadline */
                   g_strdup_printf (_("%s is moving to %s. Please move by %s."),
                                    ferry_community_get_name (community),
                                    ferry_community_get_new_host (community), deadline));
  add_common (community, guide_url, needed, optional);
  return fit (needed, optional, max_chars);
}

char *
ferry_community_text_reminder (FerryCommunity *community,
                               const char     *guide_url,
                               gint64          at,
                               guint           max_chars)
{
  g_autoptr(GPtrArray) needed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) optional = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *deadline = NULL;
  gint64 left = ferry_community_get_deadline (community) - at;
  int days = (int) (left / 86400);

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  deadline = ferry_community_text_format_deadline (ferry_community_get_deadline (community));
  if (days >= 1)
    g_ptr_array_add (needed,
                     /* Translators: a reminder; the name, the new server, the days left, the
                      * deadline */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Reminder: %s moves to %s. "
                                                   "%d day left, until %s.",
                                                   "Reminder: %s moves to %s. "
                                                   "%d days left, until %s.",
                                                   days),
                                      ferry_community_get_name (community),
                                      ferry_community_get_new_host (community), days, deadline));
  else
    g_ptr_array_add (needed,
                     /* Translators: the last reminder; the name, the new server, the deadline */
                     g_strdup_printf (_("Last call: %s moves to %s by %s."),
                                      ferry_community_get_name (community),
                                      ferry_community_get_new_host (community), deadline));
  add_common (community, guide_url, needed, optional);
  return fit (needed, optional, max_chars);
}

char *
ferry_community_text_final (FerryCommunity *community,
                            guint           max_chars)
{
  g_autoptr(GPtrArray) needed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) optional = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts = NULL;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  counts = ferry_community_describe_counts (community);
  g_ptr_array_add (needed,
                   /* Translators: the community's name and its new server */
                   g_strdup_printf (_("%s has moved to %s. Thank you, everyone!"),
                                    ferry_community_get_name (community),
                                    ferry_community_get_new_host (community)));
  g_ptr_array_add (optional, g_strdup (counts));
  g_ptr_array_add (optional,
                   /* Translators: %s is the new server's address */
                   g_strdup_printf (_("Not moved yet? It still works: make your account on %s "
                                      "and move."),
                                    ferry_community_get_new_host (community)));
  return fit (needed, optional, max_chars);
}

GPtrArray *
ferry_community_text_mention_candidates (FerryCommunity *community)
{
  GPtrArray *members = g_ptr_array_new ();

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), members);

  for (guint i = 0; i < ferry_community_get_n_members (community); i++)
    {
      FerryMember *member = ferry_community_get_member (community, i);

      if (ferry_member_get_opted_out (member) ||
          ferry_member_get_state (member) != FERRY_MEMBER_STATE_NOT_STARTED)
        continue;
      g_ptr_array_add (members, member);
    }
  return members;
}

char *
ferry_community_text_mentions (FerryCommunity     *community,
                               const char * const *addresses,
                               guint               max_chars)
{
  GString *text = g_string_new (NULL);
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    g_string_append_printf (text, "@%s ", addresses[i]);
  deadline = ferry_community_text_format_deadline (ferry_community_get_deadline (community));
  g_string_append_printf (text,
                          /* Translators: a reminder to the members it mentions; the name, the
                           * new server, the deadline */
                          _("A reminder: %s moves to %s by %s. Make your account there and "
                            "move your old one to it. Reply if you need help!"),
                          ferry_community_get_name (community),
                          ferry_community_get_new_host (community), deadline);
  (void) max_chars;
  return g_string_free (text, FALSE);
}

static gboolean
batch_fits (FerryCommunity *community,
            GPtrArray      *batch,
            guint           max_chars)
{
  g_autofree char *text = NULL;

  g_ptr_array_add (batch, NULL);
  text = ferry_community_text_mentions (community, (const char * const *) batch->pdata, max_chars);
  g_ptr_array_remove_index (batch, batch->len - 1);
  return ferry_community_text_length (text) <= max_chars;
}

static void
flush_batch (GPtrArray *batches,
             GPtrArray *batch)
{
  char **addresses;

  if (batch->len == 0)
    return;
  addresses = g_new0 (char *, batch->len + 1);
  for (guint j = 0; j < batch->len; j++)
    addresses[j] = g_strdup (g_ptr_array_index (batch, j));
  g_ptr_array_add (batches, addresses);
  g_ptr_array_set_size (batch, 0);
}

GPtrArray *
ferry_community_text_mention_batches (FerryCommunity *community,
                                      guint           per_post,
                                      guint           max_chars)
{
  g_autoptr(GPtrArray) members = ferry_community_text_mention_candidates (community);
  GPtrArray *batches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  if (per_post == 0)
    per_post = FERRY_COMMUNITY_MENTIONS_PER_POST;
  if (max_chars == 0)
    max_chars = 500;
  for (guint i = 0; i < members->len; i++)
    {
      const char *address = ferry_member_get_old_address (g_ptr_array_index (members, i));

      g_ptr_array_add (batch, (gpointer) address);
      if (batch->len > 1 && (batch->len > per_post || !batch_fits (community, batch, max_chars)))
        {
          g_ptr_array_remove_index (batch, batch->len - 1);
          flush_batch (batches, batch);
          g_ptr_array_add (batch, (gpointer) address);
        }
    }
  flush_batch (batches, batch);
  return batches;
}
