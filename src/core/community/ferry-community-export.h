/* ferry-community-export.h: everyone's new addresses, as files any member imports
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-community.h"

G_BEGIN_DECLS

/* Mastodon's import limits (community-facts §5): rows in one file, and the follow cap. */
#define FERRY_COMMUNITY_EXPORT_MAX_ROWS   20000
#define FERRY_COMMUNITY_EXPORT_FOLLOW_CAP 7500

/* Whether a member's new account exists, so that a follow of it can work: moved, arriving,
 * done, or the new account (with or without the alias) found. Never the old address: a moved
 * account cannot be followed. */
gboolean   ferry_community_export_has_new_account (FerryMember    *member);

/* The members in the files, sorted by new address, without exclude (the importing member's
 * own old or new address; nullable). A new array of borrowed members. */
GPtrArray *ferry_community_export_members (FerryCommunity *community,
                                           const char     *exclude);

/* Mastodon's follow CSV: the header "Account address,Show boosts,Notify on new posts,
 * Languages", one new address a row with "true,false," (boosts shown, no notifications, all
 * languages). UTF-8 without a BOM, \n line ends. */
char      *ferry_community_export_follows_csv (FerryCommunity *community,
                                               const char     *exclude);
/* Mastodon's lists.csv: "list name,address" rows, no header. */
char      *ferry_community_export_lists_csv   (FerryCommunity *community,
                                               const char     *list_name,
                                               const char     *exclude);
/* A warning for the helper when the files are larger than an import takes (translated), or
 * NULL. */
char      *ferry_community_export_check_size  (FerryCommunity *community);

G_END_DECLS
