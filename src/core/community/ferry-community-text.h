/* ferry-community-text.h: what the helper posts: the announcement, reminders, the final post,
 * and reviewed batches of mentions
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-community.h"

G_BEGIN_DECLS

/* How many members one mentions post names at most (community-facts §8: 20–30). */
#define FERRY_COMMUNITY_MENTIONS_PER_POST 20

/* The length as Mastodon counts it: a URL 23 characters, a mention only its @username
 * (community-facts §3.1). */
guint      ferry_community_text_length       (const char     *text);

/* Texts in the helper's language (the current locale), within max_chars (the posting
 * server's limit from its instance info; 0: 500). guide_url: nullable. Optional sentences are left
 * out before anything is cut. */
char      *ferry_community_text_announcement (FerryCommunity *community,
                                              const char     *guide_url,
                                              guint           max_chars);
char      *ferry_community_text_reminder     (FerryCommunity *community,
                                              const char     *guide_url,
                                              gint64          at,
                                              guint           max_chars);
char      *ferry_community_text_final        (FerryCommunity *community,
                                              guint           max_chars);

/* The members a mentions reminder may name: not started, not opted out, in roster order.
 * A new array of borrowed members. */
GPtrArray *ferry_community_text_mention_candidates (FerryCommunity *community);
/* Splits addresses into posts of at most per_post mentions, each within max_chars: an array
 * of GStrv (the addresses of each post), for the helper to review one by one. */
GPtrArray *ferry_community_text_mention_batches (FerryCommunity     *community,
                                                 guint               per_post,
                                                 guint               max_chars);
/* The text of one batch's post. */
char      *ferry_community_text_mentions     (FerryCommunity     *community,
                                              const char * const *addresses,
                                              guint               max_chars);

/* "Thursday, 17 December 2026, 12:00 UTC" in the current locale. */
char      *ferry_community_text_format_deadline (gint64         deadline);

G_END_DECLS
