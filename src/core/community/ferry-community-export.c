/* ferry-community-export.c: the follow CSV and lists.csv of everyone's new addresses
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats are Mastodon's import (community-facts §5, mastodon: app/models/form/import.rb):
 * the follow CSV with its full header, lists.csv with no header. Both work for members on
 * Mastodon, and the follow CSV on GoToSocial (api-facts §8). Only new addresses of accounts
 * that exist: a row naming a moved account fails the import.
 */

#define G_LOG_DOMAIN "ferry-community-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-community-export.h"
#include "ferry-csv.h"

gboolean
ferry_community_export_has_new_account (FerryMember *member)
{
  FerryMemberState state;

  g_return_val_if_fail (FERRY_IS_MEMBER (member), FALSE);

  state = ferry_member_get_state (member);
  return ferry_member_get_new_address (member) != NULL &&
         (state == FERRY_MEMBER_STATE_NEW_ACCOUNT || state == FERRY_MEMBER_STATE_ALIAS_SET ||
          ferry_member_state_is_moved (state));
}

static int
by_new_address (gconstpointer a,
                gconstpointer b)
{
  FerryMember *x = *(FerryMember **) a;
  FerryMember *y = *(FerryMember **) b;

  return g_strcmp0 (ferry_member_get_new_address (x), ferry_member_get_new_address (y));
}

GPtrArray *
ferry_community_export_members (FerryCommunity *community,
                                const char     *exclude)
{
  GPtrArray *members = g_ptr_array_new ();

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), members);

  for (guint i = 0; i < ferry_community_get_n_members (community); i++)
    {
      FerryMember *member = ferry_community_get_member (community, i);

      if (!ferry_community_export_has_new_account (member))
        continue;
      if (exclude != NULL &&
          (g_ascii_strcasecmp (exclude, ferry_member_get_new_address (member)) == 0 ||
           g_ascii_strcasecmp (exclude, ferry_member_get_old_address (member)) == 0))
        continue;
      g_ptr_array_add (members, member);
    }
  g_ptr_array_sort (members, by_new_address);
  return members;
}

char *
ferry_community_export_follows_csv (FerryCommunity *community,
                                    const char     *exclude)
{
  g_autoptr(GPtrArray) members = ferry_community_export_members (community, exclude);
  GString *out = g_string_new ("Account address,Show boosts,Notify on new posts,Languages\n");

  for (guint i = 0; i < members->len; i++)
    {
      const char *fields[] = {
        ferry_member_get_new_address (g_ptr_array_index (members, i)), "true", "false", "",
      };

      ferry_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}

char *
ferry_community_export_lists_csv (FerryCommunity *community,
                                  const char     *list_name,
                                  const char     *exclude)
{
  g_autoptr(GPtrArray) members = ferry_community_export_members (community, exclude);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (list_name != NULL && *list_name != '\0', g_string_free (out, FALSE));

  for (guint i = 0; i < members->len; i++)
    {
      const char *fields[] = {
        list_name, ferry_member_get_new_address (g_ptr_array_index (members, i)),
      };

      ferry_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}

char *
ferry_community_export_check_size (FerryCommunity *community)
{
  g_autoptr(GPtrArray) members = ferry_community_export_members (community, NULL);

  if (members->len > FERRY_COMMUNITY_EXPORT_MAX_ROWS)
    return g_strdup_printf (_("The files have %u addresses; an import takes at most %u. "
                              "Split them before sharing."),
                            members->len, FERRY_COMMUNITY_EXPORT_MAX_ROWS);
  if (members->len > FERRY_COMMUNITY_EXPORT_FOLLOW_CAP)
    return g_strdup_printf (_("The files have %u addresses. Mastodon lets an account follow "
                              "%u (more with many followers): members who already follow many "
                              "should import only part of it."),
                            members->len, FERRY_COMMUNITY_EXPORT_FOLLOW_CAP);
  return NULL;
}
