/* ferry-community.h: a community that moves to one server by a deadline
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ferry-member.h"

G_BEGIN_DECLS

/**
 * FerryCommunityPhase:
 * @FERRY_COMMUNITY_PHASE_PREPARE: choosing, announcing, the guide, backups
 * @FERRY_COMMUNITY_PHASE_MOVE: members move (from the first announcement on)
 * @FERRY_COMMUNITY_PHASE_VERIFY: the deadline passed, or everyone settled: counts are checked
 * @FERRY_COMMUNITY_PHASE_DONE: the final announcement went out
 */
typedef enum
{
  FERRY_COMMUNITY_PHASE_PREPARE,
  FERRY_COMMUNITY_PHASE_MOVE,
  FERRY_COMMUNITY_PHASE_VERIFY,
  FERRY_COMMUNITY_PHASE_DONE,
} FerryCommunityPhase;

/**
 * FerryCommunityPostKind:
 */
typedef enum
{
  FERRY_COMMUNITY_POST_ANNOUNCEMENT,
  FERRY_COMMUNITY_POST_REMINDER,
  FERRY_COMMUNITY_POST_MENTIONS,   /* a reviewed batch of mentions to members not started */
  FERRY_COMMUNITY_POST_FINAL,
} FerryCommunityPostKind;

G_END_DECLS

/* FERRY_TYPE_COMMUNITY_PHASE, FERRY_TYPE_COMMUNITY_POST_KIND (glib-mkenums) */
#include "ferry-core-enums.h"

G_BEGIN_DECLS

/* The shortest notice a deadline should give (the facts: two weeks at least). */
#define FERRY_COMMUNITY_MIN_NOTICE_DAYS 14

/**
 * FerryCommunityPost:
 * A post made (or scheduled) from the helper's old account.
 */
typedef struct
{
  char                   *key;          /* Ferry's own id, also the Idempotency-Key */
  FerryCommunityPostKind  kind;
  char                   *status_id;    /* once posted; nullable */
  char                   *scheduled_id; /* while scheduled; nullable */
  char                   *url;          /* nullable */
  gint64                  scheduled_at; /* 0: posted at once */
  gint64                  posted_at;    /* 0: not yet */
  gboolean                confirmed;    /* read back from the server */
  gboolean                pinned;
  char                   *text;
} FerryCommunityPost;

FerryCommunityPost *ferry_community_post_copy (const FerryCommunityPost *post);
void                ferry_community_post_free (FerryCommunityPost       *post);

/**
 * FerryCommunitySnapshot:
 * How many members were in each state after a pass (the chart over time).
 */
typedef struct
{
  gint64 time;
  guint  counts[FERRY_MEMBER_N_STATES];
} FerryCommunitySnapshot;

#define FERRY_TYPE_COMMUNITY (ferry_community_get_type ())

/* A GListModel of FerryMember, in the order they were added. */
G_DECLARE_FINAL_TYPE (FerryCommunity, ferry_community, FERRY, COMMUNITY, GObject)

FerryCommunity     *ferry_community_new              (const char          *name,
                                                      const char          *old_host,
                                                      const char          *new_host,
                                                      gint64               deadline);

const char         *ferry_community_get_id           (FerryCommunity      *self);
const char         *ferry_community_get_name         (FerryCommunity      *self);
void                ferry_community_set_name         (FerryCommunity      *self,
                                                      const char          *name);
const char         *ferry_community_get_old_host     (FerryCommunity      *self);
const char         *ferry_community_get_new_host     (FerryCommunity      *self);
gint64              ferry_community_get_deadline     (FerryCommunity      *self);
void                ferry_community_set_deadline     (FerryCommunity      *self,
                                                      gint64               deadline);
gint64              ferry_community_get_created      (FerryCommunity      *self);
/* The helper's own accounts (user@host) on the old and the new server; nullable. */
const char         *ferry_community_get_helper_old   (FerryCommunity      *self);
const char         *ferry_community_get_helper_new   (FerryCommunity      *self);
void                ferry_community_set_helpers      (FerryCommunity      *self,
                                                      const char          *helper_old,
                                                      const char          *helper_new);
/* An account whose followers are the community (user@host); nullable. */
const char         *ferry_community_get_community_account (FerryCommunity *self);
void                ferry_community_set_community_account (FerryCommunity *self,
                                                      const char          *address);
/* Members with no post since this date count as inactive ("YYYY-MM-DD"; nullable). */
const char         *ferry_community_get_inactive_since (FerryCommunity    *self);
void                ferry_community_set_inactive_since (FerryCommunity    *self,
                                                      const char          *date);
/* A warning when the deadline gives less notice than FERRY_COMMUNITY_MIN_NOTICE_DAYS from
 * now (translated), or NULL. */
char               *ferry_community_check_deadline   (FerryCommunity      *self,
                                                      gint64               now);

FerryCommunityPhase ferry_community_get_phase        (FerryCommunity      *self);
void                ferry_community_set_phase        (FerryCommunity      *self,
                                                      FerryCommunityPhase  phase);
/* Whole days from now to the deadline (negative once it passed). */
int                 ferry_community_days_left        (FerryCommunity      *self,
                                                      gint64               now);

/* Members. A GListModel of FerryMember (the community itself implements it). */
guint               ferry_community_get_n_members    (FerryCommunity      *self);
FerryMember        *ferry_community_get_member       (FerryCommunity      *self,
                                                      guint                position);
FerryMember        *ferry_community_find_member      (FerryCommunity      *self,
                                                      const char          *old_address);
/* Adds a member, or merges the sources (and a new address set explicitly) into the one
 * already there. Returns the member in the roster (borrowed). address is normalized; NULL
 * when it is not an address, with error set. */
FerryMember        *ferry_community_add_member       (FerryCommunity      *self,
                                                      const char          *old_address,
                                                      FerryMemberSource    source,
                                                      GError             **error);
gboolean            ferry_community_remove_member    (FerryCommunity      *self,
                                                      const char          *old_address);
/* Adds members from pasted text or a file: one address a line (@user@host, user@host or a
 * profile URL https://host/@user), Mastodon's follow CSV (header "Account address"), or two
 * columns old,new (the new address set explicitly). Lines that are not addresses (or are
 * comments, starting with #) are counted in n_skipped; nothing already there is lost.
 * Returns how many members were added (not merged). */
guint               ferry_community_import           (FerryCommunity      *self,
                                                      const char          *text,
                                                      gssize               length,
                                                      FerryMemberSource    source,
                                                      guint               *n_skipped);
/* The roster with states as CSV (header: old address, new address, state, sources, baseline
 * followers, new followers, arrived percent, moved to, last checked). */
char               *ferry_community_export_roster_csv (FerryCommunity     *self);
/* How many members are in a state now. */
guint               ferry_community_count            (FerryCommunity      *self,
                                                      FerryMemberState     state);
/* "32 of 40 arrived, 3 elsewhere, 5 not started" (translated). */
char               *ferry_community_describe_counts  (FerryCommunity      *self);
/* Members in the order a check pass should take them: never checked first, then not yet
 * moved before moved, then the one whose next check is due soonest. A new array of borrowed
 * members. */
GPtrArray          *ferry_community_members_to_check (FerryCommunity      *self,
                                                      gint64               now);

/* The chart: one snapshot of the counts per pass. */
void                ferry_community_take_snapshot    (FerryCommunity      *self,
                                                      gint64               time);
GArray             *ferry_community_get_snapshots    (FerryCommunity      *self);

/* Posts: announcements, reminders, mention batches, the final announcement. */
GPtrArray          *ferry_community_get_posts        (FerryCommunity      *self);
FerryCommunityPost *ferry_community_find_post        (FerryCommunity      *self,
                                                      const char          *key);
/* Takes a copy; replaces the post with the same key. */
void                ferry_community_put_post         (FerryCommunity      *self,
                                                      const FerryCommunityPost *post);

/* Emitted (as "changed") after members, posts or settings change, so the store saves it. */
void                ferry_community_changed          (FerryCommunity      *self);

/* Saving: the whole community as JSON (serialized here, written in a thread, 0600, atomic). */
char               *ferry_community_to_json          (FerryCommunity      *self);
FerryCommunity     *ferry_community_new_from_json    (const char          *json,
                                                      gsize                length,
                                                      GError             **error);
gboolean            ferry_community_save             (FerryCommunity      *self,
                                                      const char          *path,
                                                      GError             **error);
void                ferry_community_save_async       (FerryCommunity      *self,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            ferry_community_save_finish      (FerryCommunity      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
FerryCommunity     *ferry_community_load             (const char          *path,
                                                      GError             **error);

G_END_DECLS
