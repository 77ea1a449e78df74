/* fedisim-community.c: a community that moves, seeded into fedisim with its ground truth
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members are real fedisim accounts (user0001..), so every endpoint answers about them as
 * it does about any account. What would cost too much to make real (thousands of followers
 * per member, hundreds of posts) is a count the fixture keeps beside the account and adds to
 * the live one (fs_community_count). Followers of a moved member arrive on the new account
 * on the virtual clock: each follower server re-follows its share of them over its own span,
 * as Mastodon's followers' servers do one by one in their own queues (mastodon
 * app/workers/move_worker.rb, unfollow_follow_worker.rb; community-facts §0.5).
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fedisim-community.h"
#include "fedisim-private.h"

#define DAY           (24 * 3600)
#define MAX_MEMBERS   5000
#define DONE_PERCENT  80       /* DONE: 80 % of the baseline followers arrived */
#define DONE_AGO      (60 * DAY)

typedef struct _FsMember
{
  char               *username;
  FsActor            *old_actor;
  FsActor            *new_actor;   /* on the new server or elsewhere; NULL */
  FedisimMemberState  state;       /* as made; MOVED stands for moved, arriving and done */
  gint64              baseline_followers;
  gint64              extra_following; /* beyond the follows fedisim keeps */
  gint64              extra_statuses;
  gint64              moved_at;    /* when the old account moved; 0: not */
  char               *moved_to;    /* user@host, made when asked */
} FsMember;

typedef struct _FsCommunity
{
  FedisimServer *old_server;
  FedisimServer *new_server;
  FedisimServer *elsewhere;
  GPtrArray     *members;          /* FsMember*, owned, in order */
  GHashTable    *by_name;          /* username → FsMember* */
  GPtrArray     *names;            /* char*, NULL-terminated */
  GPtrArray     *follower_servers; /* FedisimServer*, unowned */
} FsCommunity;

static void
member_free (FsMember *member)
{
  if (member->old_actor != NULL && member->old_actor->member == member)
    member->old_actor->member = NULL;
  g_free (member->username);
  g_free (member->moved_to);
  g_free (member);
}

void
fs_community_free (FsCommunity *community)
{
  /* The new accounts may live on a server already freed: only the old ones are touched. */
  g_ptr_array_unref (community->members);
  g_hash_table_unref (community->by_name);
  g_ptr_array_unref (community->names);
  g_ptr_array_unref (community->follower_servers);
  g_free (community);
}

/* How follower server k follows a move: it starts after 10 minutes × (k + 1) and re-follows
 * its share evenly over 6 h × (k + 1)² (6 h, 24 h, 54 h, ...). assumed: the speeds; real
 * servers work a queue whose length nobody outside knows (community-facts §6.2: counts rise
 * over hours). */
static gint64
follower_start (guint k)
{
  return 600 * (gint64) (k + 1);
}

static gint64
follower_span (guint k)
{
  return 6 * 3600 * (gint64) (k + 1) * (k + 1);
}

/* Whether followers on this server follow a move at all: fedisim's LEGACY flavour stands for
 * software whose users ignore Move (fedisim.h); Akkoma follows only with allow_following_move,
 * which fedisim's accounts have on (fedisim-model.c). */
static gboolean
follows_moves (FedisimServer *server)
{
  return server->flavour != FEDISIM_FLAVOUR_LEGACY;
}

/* The followers of a member that have arrived on the new account by now. */
static gint64
arrived (FsCommunity *community,
         FsMember    *member,
         gint64       now)
{
  guint n = community->follower_servers->len;
  gint64 total = 0;

  if (member->moved_at == 0 || n == 0)
    return 0;
  for (guint k = 0; k < n; k++)
    {
      FedisimServer *server = g_ptr_array_index (community->follower_servers, k);
      gint64 share = member->baseline_followers / n + (k < member->baseline_followers % n);
      gint64 elapsed = now - member->moved_at - follower_start (k);

      if (!follows_moves (server) || elapsed <= 0)
        continue;
      if (elapsed >= follower_span (k))
        total += share;
      else
        total += share * elapsed / follower_span (k);
    }
  return total;
}

static FedisimMemberState
truth (FsCommunity *community,
       FsMember    *member)
{
  gint64 now, n;

  if (member->state != FEDISIM_MEMBER_MOVED)
    return member->state;
  now = fedisim_world_now (community->old_server->world);
  n = arrived (community, member, now);
  if (n == 0)
    return FEDISIM_MEMBER_MOVED;
  if (n * 100 < member->baseline_followers * DONE_PERCENT)
    return FEDISIM_MEMBER_ARRIVING;
  return FEDISIM_MEMBER_DONE;
}

/* The counts Mastodon keeps in account_stat (community-facts §2.4): the old account loses the
 * followers that went over, the new one gains them. */
gint64
fs_community_count (FsActor *actor,
                    FsCount  which,
                    gint64   live)
{
  FsMember *member = actor->member;
  FsCommunity *community;
  gint64 now;

  if (member == NULL || member->old_actor == NULL || member->old_actor->home->community == NULL)
    return live;
  community = member->old_actor->home->community;
  now = fedisim_world_now (community->old_server->world);

  if (actor == member->old_actor)
    {
      switch (which)
        {
        case FS_COUNT_FOLLOWERS:
          return live + member->baseline_followers - arrived (community, member, now);
        case FS_COUNT_FOLLOWING:
          return live + member->extra_following;
        case FS_COUNT_STATUSES:
        default:
          return live + member->extra_statuses;
        }
    }
  if (actor == member->new_actor && which == FS_COUNT_FOLLOWERS)
    return live + arrived (community, member, now);
  return live;
}

gint64
fs_actor_last_status_at (FsActor *actor)
{
  gint64 last = 0;

  for (guint i = 0; i < actor->statuses->len; i++)
    last = MAX (last, ((FsStatus *) g_ptr_array_index (actor->statuses, i))->created_at);
  return last;
}

static FsMember *
find_member (FedisimServer *old_server,
             const char    *username)
{
  g_return_val_if_fail (old_server != NULL && old_server->community != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);

  return g_hash_table_lookup (old_server->community->by_name, username);
}

static gint64
parse_day (const char *day,
           gint64      fallback)
{
  int y, m, d;
  g_autoptr(GDateTime) time = NULL;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return fallback;
  time = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return time ? g_date_time_to_unix (time) : fallback;
}

/* How many members get each state: the shares of the config (or an even spread), rounded
 * down, the rest to the first states in order. ELSEWHERE without a third server counts as
 * NOT_STARTED. */
static void
state_counts (const FedisimCommunityConfig *config,
              guint                         counts[FEDISIM_MEMBER_N_STATES])
{
  guint weights[FEDISIM_MEMBER_N_STATES];
  guint sum = 0, given = 0;

  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    sum += config->percent[s];
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    weights[s] = sum == 0 ? 1 : config->percent[s];
  if (config->elsewhere == NULL)
    {
      weights[FEDISIM_MEMBER_NOT_STARTED] += weights[FEDISIM_MEMBER_ELSEWHERE];
      weights[FEDISIM_MEMBER_ELSEWHERE] = 0;
    }
  sum = 0;
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    sum += weights[s];
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    {
      counts[s] = (guint) ((guint64) config->n_members * weights[s] / sum);
      given += counts[s];
    }
  for (guint s = 0; given < config->n_members; s = (s + 1) % FEDISIM_MEMBER_N_STATES)
    if (weights[s] > 0)
      counts[s]++, given++;
}

static FsActor *
make_new_account (FsMember      *member,
                  FedisimServer *server)
{
  FsActor *actor = fs_server_find_local (server, member->username);

  if (actor == NULL)
    {
      actor = fs_server_create_actor (server, member->username, "password");
      g_free (actor->display_name);
      actor->display_name = g_strdup (member->old_actor->display_name);
      g_free (actor->note);
      actor->note = g_strdup (member->old_actor->note);
      actor->created_at = fedisim_world_now (server->world) - DAY;
    }
  actor->member = member;
  member->new_actor = actor;
  return actor;
}

/* mastodon app/models/account_alias.rb: the new account lists the old one in also_known_as,
 * which its actor publishes as alsoKnownAs (app/serializers/activitypub/actor_serializer.rb). */
static void
set_alias (FsMember *member)
{
  for (guint i = 0; i < member->new_actor->also_known_as->len; i++)
    if (g_str_equal (g_ptr_array_index (member->new_actor->also_known_as, i),
                     member->old_actor->uri))
      return;
  g_ptr_array_add (member->new_actor->also_known_as, g_strdup (member->old_actor->uri));
}

/* Posts: one to three, the last one after the inactivity date for everyone active, before
 * it for the inactive; older ones a few weeks before the last. */
static void
add_posts (FsActor *actor,
           GRand   *rand,
           gint64   last)
{
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Post %u of %s", i + 1, actor->username);
      FsStatus *status = fs_actor_add_status (actor, text, "public");

      status->created_at = last - (gint64) (n - 1 - i) * g_rand_int_range (rand, 1, 30) * DAY;
    }
}

static void
seed_member (FsCommunity                  *community,
             const FedisimCommunityConfig *config,
             GRand                        *rand,
             guint                         index,
             FedisimMemberState            state,
             FsActor                      *community_account,
             gint64                        inactive_since)
{
  FedisimServer *old_server = community->old_server;
  gint64 now = fedisim_world_now (old_server->world);
  FsMember *member = g_new0 (FsMember, 1);
  guint n_servers = MAX (community->follower_servers->len, 1);
  FsActor *old;
  gint64 last;

  member->username = g_strdup_printf ("user%04u", index + 1);
  member->state = state;
  old = fs_server_create_actor (old_server, member->username, "password");
  old->member = member;
  member->old_actor = old;
  g_free (old->display_name);
  old->display_name = g_strdup_printf ("Member %04u", index + 1);
  g_free (old->note);
  old->note = g_strdup_printf ("Member %u of the community.", index + 1);
  old->created_at = now - (gint64) g_rand_int_range (rand, 400, 1200) * DAY;
  old->discoverable = (guint) g_rand_int_range (rand, 0, 100) <
                      (config->discoverable_percent ? config->discoverable_percent : 70);

  /* Baselines: at least two followers per follower server, so that the first of them
   * arriving shows; now and then a big account. */
  member->baseline_followers = 2 * n_servers + g_rand_int_range (rand, 0, 300);
  if (g_rand_int_range (rand, 0, 25) == 0)
    member->baseline_followers += g_rand_int_range (rand, 0, 3000);
  member->extra_following = g_rand_int_range (rand, 0, 300);
  member->extra_statuses = g_rand_int_range (rand, 0, 500);

  if (state == FEDISIM_MEMBER_INACTIVE)
    last = inactive_since - (gint64) g_rand_int_range (rand, 1, 300) * DAY;
  else
    {
      gint32 days = (gint32) MAX ((now - inactive_since) / DAY - 1, 1);

      last = now - (gint64) g_rand_int_range (rand, 0, days) * DAY
             - g_rand_int_range (rand, 0, DAY);
    }
  add_posts (old, rand, last);

  /* assumed: a deleted account's follows went with it (Mastodon's deletion removes its
   * relationships); a suspended one still counts. */
  if (community_account != NULL && state != FEDISIM_MEMBER_DELETED)
    fs_world_add_follow (old_server->world, old, community_account);

  switch (state)
    {
    case FEDISIM_MEMBER_DELETED:
      old->deleted = TRUE;
      break;
    case FEDISIM_MEMBER_SUSPENDED:
      old->suspended = TRUE;
      break;
    case FEDISIM_MEMBER_ELSEWHERE:
      make_new_account (member, config->elsewhere);
      set_alias (member);
      old->moved_to = member->new_actor;
      member->moved_at = old->moved_at = now - DONE_AGO;
      break;
    case FEDISIM_MEMBER_NEW_ACCOUNT:
    case FEDISIM_MEMBER_ALIAS_SET:
    case FEDISIM_MEMBER_MOVED:
    case FEDISIM_MEMBER_ARRIVING:
    case FEDISIM_MEMBER_DONE:
      make_new_account (member, community->new_server);
      if (state == FEDISIM_MEMBER_NEW_ACCOUNT)
        break;
      set_alias (member);
      if (state == FEDISIM_MEMBER_ALIAS_SET)
        break;
      old->moved_to = member->new_actor;
      /* MOVED: just now; ARRIVING: halfway through the first follower server's span (its
       * first followers in, below 80 % in all); DONE: long enough for every server. */
      member->moved_at = now;
      if (state == FEDISIM_MEMBER_ARRIVING)
        member->moved_at = now - follower_start (0) - follower_span (0) / 2;
      else if (state == FEDISIM_MEMBER_DONE)
        member->moved_at = now - DONE_AGO;
      old->moved_at = member->moved_at;
      member->state = FEDISIM_MEMBER_MOVED;
      break;
    case FEDISIM_MEMBER_NOT_STARTED:
    case FEDISIM_MEMBER_INACTIVE:
    case FEDISIM_MEMBER_N_STATES:
    default:
      break;
    }

  g_ptr_array_add (community->members, member);
  g_hash_table_insert (community->by_name, member->username, member);
  g_ptr_array_add (community->names, member->username);
}

/**
 * fedisim_server_seed_community:
 *
 * Seeds the community as fedisim-community.h describes. The spread over states follows the
 * config's shares exactly (rounded), the order of the members is shuffled by the seed.
 */
const char * const *
fedisim_server_seed_community (FedisimServer                *old_server,
                               FedisimServer                *new_server,
                               const FedisimCommunityConfig *config)
{
  FsCommunity *community;
  guint counts[FEDISIM_MEMBER_N_STATES];
  g_autofree FedisimMemberState *states = NULL;
  g_autoptr(GRand) rand = NULL;
  FsActor *community_account = NULL;
  gint64 now, inactive_since;
  guint n = 0;

  g_return_val_if_fail (old_server != NULL && new_server != NULL && config != NULL, NULL);
  g_return_val_if_fail (config->n_members <= MAX_MEMBERS, NULL);
  g_return_val_if_fail (old_server->community == NULL, NULL);

  now = fedisim_world_now (old_server->world);
  inactive_since = parse_day (config->inactive_since, now - 180 * DAY);
  g_return_val_if_fail (inactive_since < now - DAY, NULL);

  community = g_new0 (FsCommunity, 1);
  community->old_server = old_server;
  community->new_server = new_server;
  community->elsewhere = config->elsewhere;
  community->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  community->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  community->names = g_ptr_array_new ();
  community->follower_servers = g_ptr_array_new ();
  if (config->follower_servers != NULL && config->follower_servers->len > 0)
    {
      for (guint i = 0; i < config->follower_servers->len; i++)
        g_ptr_array_add (community->follower_servers,
                         g_ptr_array_index (config->follower_servers, i));
    }
  else
    {
      g_ptr_array_add (community->follower_servers, old_server);
      g_ptr_array_add (community->follower_servers, new_server);
    }
  old_server->community = community;

  if (config->community_account != NULL)
    {
      fedisim_server_add_user (old_server, config->community_account, "password");
      community_account = fs_server_find_local (old_server, config->community_account);
    }

  state_counts (config, counts);
  states = g_new (FedisimMemberState, MAX (config->n_members, 1));
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    for (guint i = 0; i < counts[s]; i++)
      states[n++] = (FedisimMemberState) s;
  rand = g_rand_new_with_seed (config->seed);
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      FedisimMemberState swap = states[i - 1];

      states[i - 1] = states[j];
      states[j] = swap;
    }

  for (guint i = 0; i < n; i++)
    seed_member (community, config, rand, i, states[i], community_account, inactive_since);
  g_ptr_array_add (community->names, NULL);
  return (const char * const *) community->names->pdata;
}

FedisimMemberState
fedisim_community_truth (FedisimServer *old_server,
                         const char    *username)
{
  FsMember *member = find_member (old_server, username);

  g_return_val_if_fail (member != NULL, FEDISIM_MEMBER_N_STATES);
  return truth (old_server->community, member);
}

const char *
fedisim_community_moved_to (FedisimServer *old_server,
                            const char    *username)
{
  FsMember *member = find_member (old_server, username);

  g_return_val_if_fail (member != NULL, NULL);
  if (member->old_actor->moved_to == NULL)
    return NULL;
  if (member->moved_to == NULL)
    member->moved_to = fs_actor_handle (member->old_actor->moved_to);
  return member->moved_to;
}

gint64
fedisim_community_baseline_followers (FedisimServer *old_server,
                                      const char    *username)
{
  FsMember *member = find_member (old_server, username);

  g_return_val_if_fail (member != NULL, -1);
  return member->baseline_followers;
}

guint
fedisim_community_count_state (FedisimServer      *old_server,
                               FedisimMemberState  state)
{
  guint n = 0;

  g_return_val_if_fail (old_server != NULL && old_server->community != NULL, 0);
  for (guint i = 0; i < old_server->community->members->len; i++)
    if (truth (old_server->community, g_ptr_array_index (old_server->community->members, i))
        == state)
      n++;
  return n;
}

void
fedisim_community_advance_member (FedisimServer *old_server,
                                  const char    *username)
{
  FsCommunity *community = old_server ? old_server->community : NULL;
  FsMember *member = find_member (old_server, username);
  gint64 now;

  g_return_if_fail (member != NULL);
  now = fedisim_world_now (old_server->world);

  switch (truth (community, member))
    {
    case FEDISIM_MEMBER_NOT_STARTED:
    case FEDISIM_MEMBER_INACTIVE:
      make_new_account (member, community->new_server);
      member->state = FEDISIM_MEMBER_NEW_ACCOUNT;
      break;
    case FEDISIM_MEMBER_NEW_ACCOUNT:
      set_alias (member);
      member->state = FEDISIM_MEMBER_ALIAS_SET;
      break;
    case FEDISIM_MEMBER_ALIAS_SET:
      /* The Move as fedisim does it for the API (fedisim-migration.c): the old account
       * points to the new one, the Move goes to its followers. */
      fs_actor_move (member->old_actor, member->new_actor);
      member->moved_at = member->old_actor->moved_at;
      member->state = FEDISIM_MEMBER_MOVED;
      break;
    case FEDISIM_MEMBER_MOVED:
      member->moved_at = now - follower_start (0) - follower_span (0) / 2;
      break;
    case FEDISIM_MEMBER_ARRIVING:
      member->moved_at = now - DONE_AGO;
      break;
    case FEDISIM_MEMBER_DONE:
    case FEDISIM_MEMBER_ELSEWHERE:
    case FEDISIM_MEMBER_DELETED:
    case FEDISIM_MEMBER_SUSPENDED:
    case FEDISIM_MEMBER_N_STATES:
    default:
      break;
    }
}

void
fedisim_server_set_profile_redirect (FedisimServer *old_server,
                                     gboolean       redirect)
{
  g_return_if_fail (old_server != NULL);
  old_server->profile_redirect = redirect;
}

/* assumed: the redirect is the admin's reverse-proxy rule for the profile pages only
 * (community-facts §6.4), not server code: /@user answers 301 to the same path on the new
 * server; ActivityPub and WebFinger still answer. */
gboolean
fs_community_profile_redirect (FsRequest  *req,
                               const char *username)
{
  FedisimServer *server = req->server;
  g_autofree char *location = NULL;

  if (!server->profile_redirect || server->community == NULL)
    return FALSE;
  location = g_strdup_printf ("%s/@%s", server->community->new_server->base_url, username);
  soup_server_message_set_status (req->msg, 301, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Location", location);
  fs_reply_text (req, 301, "text/html; charset=utf-8", "", 0);
  return TRUE;
}

void
fedisim_server_set_admin (FedisimServer *server,
                          const char    *username,
                          guint64        permissions)
{
  FsActor *actor;

  g_return_if_fail (server != NULL && username != NULL);
  actor = fs_server_find_local (server, username);
  g_return_if_fail (actor != NULL);
  actor->role_permissions = permissions;
}
