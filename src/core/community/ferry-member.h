/* ferry-member.h: one member of a community that moves
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * FerryMemberState:
 * @FERRY_MEMBER_STATE_UNKNOWN: not checked yet
 * @FERRY_MEMBER_STATE_NOT_STARTED: the old account is there, no new account yet
 * @FERRY_MEMBER_STATE_NEW_ACCOUNT: the new account exists, nothing else yet
 * @FERRY_MEMBER_STATE_ALIAS_SET: the new account names the old one in alsoKnownAs
 * @FERRY_MEMBER_STATE_MOVED: the old account moved to the expected new one
 * @FERRY_MEMBER_STATE_ARRIVING: moved, followers arriving (below the done ratio)
 * @FERRY_MEMBER_STATE_DONE: moved, and the followers (against the baseline) have arrived
 * @FERRY_MEMBER_STATE_ELSEWHERE: the old account moved to another server (scattered)
 * @FERRY_MEMBER_STATE_DELETED: the old account is gone (404/410) and no new one is known
 * @FERRY_MEMBER_STATE_SUSPENDED: the old account is suspended
 * @FERRY_MEMBER_STATE_INACTIVE: no post since the community's inactivity date, not moving
 */
typedef enum
{
  FERRY_MEMBER_STATE_UNKNOWN,
  FERRY_MEMBER_STATE_NOT_STARTED,
  FERRY_MEMBER_STATE_NEW_ACCOUNT,
  FERRY_MEMBER_STATE_ALIAS_SET,
  FERRY_MEMBER_STATE_MOVED,
  FERRY_MEMBER_STATE_ARRIVING,
  FERRY_MEMBER_STATE_DONE,
  FERRY_MEMBER_STATE_ELSEWHERE,
  FERRY_MEMBER_STATE_DELETED,
  FERRY_MEMBER_STATE_SUSPENDED,
  FERRY_MEMBER_STATE_INACTIVE,
} FerryMemberState;

#define FERRY_MEMBER_N_STATES (FERRY_MEMBER_STATE_INACTIVE + 1)

/**
 * FerryMemberSource:
 * How a member was found (several at once).
 */
typedef enum /*< flags >*/
{
  FERRY_MEMBER_SOURCE_NONE      = 0,
  FERRY_MEMBER_SOURCE_ADMIN     = 1 << 0, /* the old server's admin accounts API */
  FERRY_MEMBER_SOURCE_DIRECTORY = 1 << 1, /* the profile directory */
  FERRY_MEMBER_SOURCE_FOLLOWERS = 1 << 2, /* a community account's followers */
  FERRY_MEMBER_SOURCE_LIST      = 1 << 3, /* a list the helper owns */
  FERRY_MEMBER_SOURCE_PASTED    = 1 << 4, /* pasted text, one address a line */
  FERRY_MEMBER_SOURCE_CSV       = 1 << 5, /* a CSV file (follow CSV or old→new) */
  FERRY_MEMBER_SOURCE_MANUAL    = 1 << 6, /* added by hand */
} FerryMemberSource;

G_END_DECLS

/* FERRY_TYPE_MEMBER_STATE, FERRY_TYPE_MEMBER_SOURCE (glib-mkenums) */
#include "ferry-core-enums.h"

G_BEGIN_DECLS

/* A member counts as done when the new account has this share of the baseline's followers. */
#define FERRY_MEMBER_DONE_RATIO 0.8

/**
 * FerryMemberObservation:
 * What one check saw, from each account's own server. Strings are owned by the caller.
 */
typedef struct
{
  gint64      time;             /* when (unix seconds) */
  gboolean    old_found;        /* the old server answered with the account */
  gboolean    old_gone;         /* the old server answered 404 or 410 */
  gboolean    old_suspended;    /* the account is suspended (or limited to nothing) */
  const char *old_moved_to;     /* the old account's `moved` acct (user@host), or NULL */
  gint64      old_followers;    /* -1: not known */
  const char *old_last_status;  /* "YYYY-MM-DD" of the last post, or NULL */
  gboolean    new_found;        /* the expected new account exists */
  gboolean    new_has_alias;    /* its actor's alsoKnownAs names the old account */
  gint64      new_followers;    /* -1: not known */
} FerryMemberObservation;

/**
 * FerryMemberRecord:
 * One entry of a member's history: a state and the counts behind it.
 */
typedef struct
{
  gint64            time;
  FerryMemberState  state;
  gint64            old_followers;  /* -1: not known */
  gint64            new_followers;  /* -1: not known */
  char             *moved_to;       /* nullable */
} FerryMemberRecord;

#define FERRY_TYPE_MEMBER (ferry_member_get_type ())

G_DECLARE_FINAL_TYPE (FerryMember, ferry_member, FERRY, MEMBER, GObject)

FerryMember       *ferry_member_new                (const char             *old_address,
                                                    const char             *new_host);

/* Addresses are normalized user@host (FerryHandle keys; the host lowercased). */
const char        *ferry_member_get_old_address    (FerryMember            *self);
const char        *ferry_member_get_new_address    (FerryMember            *self);
void               ferry_member_set_new_address    (FerryMember            *self,
                                                    const char             *address);
gboolean           ferry_member_get_new_address_set (FerryMember           *self);
const char        *ferry_member_get_display_name   (FerryMember            *self);
void               ferry_member_set_display_name   (FerryMember            *self,
                                                    const char             *name);
const char        *ferry_member_get_note           (FerryMember            *self);
void               ferry_member_set_note           (FerryMember            *self,
                                                    const char             *note);
FerryMemberSource  ferry_member_get_sources        (FerryMember            *self);
void               ferry_member_add_sources        (FerryMember            *self,
                                                    FerryMemberSource       sources);
/* A member who asked not to be mentioned: never in reminders. */
gboolean           ferry_member_get_opted_out      (FerryMember            *self);
void               ferry_member_set_opted_out      (FerryMember            *self,
                                                    gboolean                opted_out);

FerryMemberState   ferry_member_get_state          (FerryMember            *self);
const char        *ferry_member_get_moved_to       (FerryMember            *self);
gint64             ferry_member_get_last_checked   (FerryMember            *self);
/* When the member should next be checked (0: as soon as possible). */
gint64             ferry_member_get_next_check     (FerryMember            *self);
void               ferry_member_set_next_check     (FerryMember            *self,
                                                    gint64                  when);

/* The baseline, recorded at roster time (no API tells the counts at move time later). */
gboolean           ferry_member_has_baseline       (FerryMember            *self);
void               ferry_member_set_baseline       (FerryMember            *self,
                                                    gint64                  followers,
                                                    gint64                  following,
                                                    gint64                  statuses,
                                                    const char             *last_status,
                                                    gint64                  recorded_at);
gint64             ferry_member_get_baseline_followers (FerryMember        *self);
gint64             ferry_member_get_baseline_following (FerryMember        *self);
gint64             ferry_member_get_baseline_statuses  (FerryMember        *self);
const char        *ferry_member_get_baseline_last_status (FerryMember      *self);
gint64             ferry_member_get_baseline_time  (FerryMember            *self);

/* The followers on the new account (-1: not known) and their share of the baseline (0..1+,
 * -1 when there is no baseline or no count). */
gint64             ferry_member_get_new_followers  (FerryMember            *self);
double             ferry_member_get_arrived_ratio  (FerryMember            *self);
/* When the old account was first seen moved (0: not seen); verify's +1 h/+24 h/+7 d count
 * from here. */
gint64             ferry_member_get_moved_at       (FerryMember            *self);

/* Applies one check: classifies it, appends to the history when something changed (or the
 * counts moved), and notifies. inactive_since: a "YYYY-MM-DD" or NULL. Returns the state. */
FerryMemberState   ferry_member_observe            (FerryMember            *self,
                                                    const FerryMemberObservation *observation,
                                                    const char             *inactive_since);
/* The history, oldest first: an array of FerryMemberRecord. */
GArray            *ferry_member_get_history        (FerryMember            *self);
/* For the loader: appends a record as saved, and sets the current state from it. */
void               ferry_member_restore_record     (FerryMember            *self,
                                                    const FerryMemberRecord *record);
void               ferry_member_restore_moved_at   (FerryMember            *self,
                                                    gint64                  moved_at);

/* Pure: the state an observation shows. expected_new: the address the member should move to;
 * baseline_followers: -1 when not known; inactive_since: "YYYY-MM-DD" or NULL. */
FerryMemberState   ferry_member_classify           (const FerryMemberObservation *observation,
                                                    const char             *expected_new,
                                                    gint64                  baseline_followers,
                                                    const char             *inactive_since);

/* A state's short name for people (translated) and a stable id for files and --json. */
const char        *ferry_member_state_to_label     (FerryMemberState        state);
const char        *ferry_member_state_to_id        (FerryMemberState        state);
gboolean           ferry_member_state_from_id      (const char             *id,
                                                    FerryMemberState       *state);
/* Moving on: moved, arriving, done. Settled: done, elsewhere, deleted, suspended. */
gboolean           ferry_member_state_is_moved     (FerryMemberState        state);
gboolean           ferry_member_state_is_settled   (FerryMemberState        state);
/* Names of the sources ("admin", "directory", ...), comma separated; and back. */
char              *ferry_member_sources_to_ids     (FerryMemberSource       sources);
FerryMemberSource  ferry_member_sources_from_ids   (const char             *ids);

G_END_DECLS
