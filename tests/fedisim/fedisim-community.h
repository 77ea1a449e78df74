/* fedisim-community.h: a community that moves, seeded into fedisim with its ground truth
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface the community tests share (implemented in fedisim-community*.c). An old server
 * gets N local members spread over every state a member can be in; the new server (and a
 * third, "elsewhere" server) get the new accounts; followers sit on several follower servers
 * that follow a move at different speeds on the virtual clock. The truth is what the fixture
 * made, so a test compares Ferry's classification with it.
 */

#pragma once

#include "fedisim.h"

G_BEGIN_DECLS

/* The states as the fixture makes them (the same meaning as FerryMemberState in core, kept
 * separate so fedisim does not depend on Ferry). */
typedef enum
{
  FEDISIM_MEMBER_NOT_STARTED,   /* old account only */
  FEDISIM_MEMBER_NEW_ACCOUNT,   /* a new account with the same name on the new server */
  FEDISIM_MEMBER_ALIAS_SET,     /* the new account has the old one in alsoKnownAs */
  FEDISIM_MEMBER_MOVED,         /* old account moved to the new one, followers still to come */
  FEDISIM_MEMBER_ARRIVING,      /* moved, some followers arrived (below 80 % of the baseline) */
  FEDISIM_MEMBER_DONE,          /* moved, 80 % or more of the followers arrived */
  FEDISIM_MEMBER_ELSEWHERE,     /* old account moved to the third server */
  FEDISIM_MEMBER_DELETED,       /* old account gone (404/410), no new one */
  FEDISIM_MEMBER_SUSPENDED,     /* old account suspended */
  FEDISIM_MEMBER_INACTIVE,      /* old account, no post since the inactivity date, no new one */
  FEDISIM_MEMBER_N_STATES,
} FedisimMemberState;

typedef struct
{
  guint        n_members;        /* up to 5,000 */
  guint32      seed;             /* the spread over states is random but repeatable */
  /* Shares of each state in percent (summing to 100); all 0: an even spread. */
  guint        percent[FEDISIM_MEMBER_N_STATES];
  guint        discoverable_percent; /* of members listed in the directory (default 70) */
  const char  *inactive_since;   /* "YYYY-MM-DD": inactive members' last post is before it */
  const char  *community_account; /* a local account all members follow, or NULL */
  FedisimServer *elsewhere;      /* where ELSEWHERE members went; NULL: none go elsewhere */
  GPtrArray   *follower_servers; /* FedisimServer*: where followers live; NULL: old and new */
} FedisimCommunityConfig;

/* Seeds the community: old server's local members (user0001..userNNNN), their posts,
 * baselines (followers, following, statuses, last post), new accounts on new_server as the
 * states say. Returns the members' usernames in order (owned by the server). */
const char * const *fedisim_server_seed_community  (FedisimServer                *old_server,
                                                   FedisimServer                *new_server,
                                                   const FedisimCommunityConfig *config);
/* The ground truth for a member (username on the old server) at the world's current time. */
FedisimMemberState  fedisim_community_truth        (FedisimServer                *old_server,
                                                   const char                   *username);
/* Where a moved member went (user@host), or NULL. */
const char         *fedisim_community_moved_to     (FedisimServer                *old_server,
                                                   const char                   *username);
/* The member's followers when the fixture was made (the baseline a roster records). */
gint64              fedisim_community_baseline_followers (FedisimServer          *old_server,
                                                   const char                   *username);
/* How many members are in a state now (the truth of each, at the world's current time). */
guint               fedisim_community_count_state  (FedisimServer                *old_server,
                                                   FedisimMemberState            state);
/* Makes a member take the next step (not started → new account → alias → moved → arriving →
 * done) now; followers of a move arrive on the virtual clock at their server's speed. */
void                fedisim_community_advance_member (FedisimServer              *old_server,
                                                   const char                   *username);
/* The old domain answers profile URLs (https://old/@user) with 301 to the new profile when
 * on (the whole-domain redirect an admin sets after the move). */
void                fedisim_server_set_profile_redirect (FedisimServer           *old_server,
                                                   gboolean                     redirect);
/* Gives a local user the admin role on the server with these permissions: Mastodon's role
 * permission bits (Manage Users = 0x400 ...), GoToSocial's admin/moderator role, Akkoma's
 * is_admin/is_moderator flags (the flavour says which applies). On GoToSocial and Akkoma the
 * administrator bit (1) makes an admin, any other non-zero value a moderator; 0 takes the role
 * away. verify_credentials shows it (role.permissions, role.name; Akkoma: pleroma.is_admin). */
void                fedisim_server_set_admin       (FedisimServer                *server,
                                                   const char                   *username,
                                                   guint64                       permissions);

G_END_DECLS
