/* fuzz-community.c: a community's file in any shape, and any text or CSV a helper pastes or
 * imports as a roster
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ferry-community.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(FerryCommunity) loaded = NULL;
  g_autoptr(FerryCommunity) imported = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  guint skipped = 0;
  guint added;

  /* The file: read, or refused with a reason; what was read writes out and reads back the
   * same. */
  {
    g_autoptr(GError) error = NULL;

    loaded = ferry_community_new_from_json ((const char *) data, size, &error);
    g_assert ((loaded == NULL) == (error != NULL));
    if (loaded != NULL)
      {
        g_autofree char *json = ferry_community_to_json (loaded);
        g_autoptr(FerryCommunity) again = ferry_community_new_from_json (json, strlen (json),
                                                                         NULL);
        g_autofree char *json2 = NULL;

        g_assert (again != NULL);
        json2 = ferry_community_to_json (again);
        g_assert (g_str_equal (json, json2));
        for (guint s = 0; s < FERRY_MEMBER_N_STATES; s++)
          g_assert (ferry_community_count (again, s) == ferry_community_count (loaded, s));
      }
  }

  /* The same bytes as a pasted roster: every member added is an address, nothing twice. */
  imported = ferry_community_new ("Fuzz", "old.example", "new.example", 0);
  added = ferry_community_import (imported, text, -1, FERRY_MEMBER_SOURCE_PASTED, &skipped);
  g_assert (added == ferry_community_get_n_members (imported));
  g_assert (ferry_community_import (imported, text, -1, FERRY_MEMBER_SOURCE_CSV, NULL) == 0);
  g_assert (added == ferry_community_get_n_members (imported));
  for (guint i = 0; i < ferry_community_get_n_members (imported); i++)
    {
      FerryMember *member = ferry_community_get_member (imported, i);

      g_assert (strchr (ferry_member_get_old_address (member), '@') != NULL);
      g_assert (ferry_community_find_member (imported, ferry_member_get_old_address (member)) ==
                member);
    }
  {
    g_autofree char *csv = ferry_community_export_roster_csv (imported);

    g_assert (csv != NULL);
  }
  return 0;
}
