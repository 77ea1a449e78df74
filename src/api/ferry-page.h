/* ferry-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * FerryCollection:
 * @FERRY_COLLECTION_FOLLOWING: whom an account follows (#FerryAccount; owner: its id)
 * @FERRY_COLLECTION_FOLLOWERS: who follows it (#FerryAccount; owner: its id)
 * @FERRY_COLLECTION_BLOCKS: blocked accounts (#FerryAccount)
 * @FERRY_COLLECTION_MUTES: muted accounts (#FerryAccount, with when the mute ends)
 * @FERRY_COLLECTION_DOMAIN_BLOCKS: blocked servers (plain strings)
 * @FERRY_COLLECTION_BOOKMARKS: bookmarked posts (#FerryStatus)
 * @FERRY_COLLECTION_FAVOURITES: favourited posts (#FerryStatus)
 * @FERRY_COLLECTION_FOLLOWED_TAGS: followed hashtags (#FerryTag)
 * @FERRY_COLLECTION_FEATURED_TAGS: hashtags on the profile (#FerryTag)
 * @FERRY_COLLECTION_ENDORSEMENTS: featured accounts (#FerryAccount)
 * @FERRY_COLLECTION_LISTS: lists (#FerryList)
 * @FERRY_COLLECTION_LIST_MEMBERS: a list's accounts, all at once (#FerryAccount; owner:
 *   the list's id)
 * @FERRY_COLLECTION_FILTERS: filters, v2 (#FerryFilter)
 * @FERRY_COLLECTION_STATUSES: an account's posts (#FerryStatus; owner: its id)
 * @FERRY_COLLECTION_PINNED: an account's pinned posts (#FerryStatus; owner: its id)
 *
 * What a paged call lists, and so which model its items are.
 */
typedef enum
{
  FERRY_COLLECTION_FOLLOWING,
  FERRY_COLLECTION_FOLLOWERS,
  FERRY_COLLECTION_BLOCKS,
  FERRY_COLLECTION_MUTES,
  FERRY_COLLECTION_DOMAIN_BLOCKS,
  FERRY_COLLECTION_BOOKMARKS,
  FERRY_COLLECTION_FAVOURITES,
  FERRY_COLLECTION_FOLLOWED_TAGS,
  FERRY_COLLECTION_FEATURED_TAGS,
  FERRY_COLLECTION_ENDORSEMENTS,
  FERRY_COLLECTION_LISTS,
  FERRY_COLLECTION_LIST_MEMBERS,
  FERRY_COLLECTION_FILTERS,
  FERRY_COLLECTION_STATUSES,
  FERRY_COLLECTION_PINNED,
} FerryCollection;

#define FERRY_TYPE_PAGE (ferry_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryPage, ferry_page, FERRY, PAGE, GObject)

FerryPage       *ferry_page_new_from_json  (const char      *host,
                                            FerryCollection  collection,
                                            JsonNode        *node,
                                            const char      *next,
                                            GError         **error);
FerryCollection  ferry_page_get_collection (FerryPage       *self);
GPtrArray       *ferry_page_get_items      (FerryPage       *self);
const char      *ferry_page_get_next       (FerryPage       *self);
guint            ferry_page_get_n_sent     (FerryPage       *self);
void             ferry_page_truncate       (FerryPage       *self,
                                            guint            n_items);

G_END_DECLS
