/* test-fedisim-community.c: the community fixture against its own truth, over HTTPS
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test reads the servers as Ferry's roster and check jobs will (lookup on the old and the
 * new server, the actor, the directory, the admin lists) and compares what it learns with
 * fedisim_community_truth. None of them may meet a 429 unless it asks for one.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fedisim-community.h"
#include "test-fedisim-common.h"

#define DAY (24 * 3600)

typedef struct
{
  gboolean  done;
  GBytes   *body;
  GError   *error;
} Sent;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Sent *sent = data;

  sent->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &sent->error);
  sent->done = TRUE;
}

/* A GET (or HEAD) with an Accept header and no redirect followed. */
static GBytes *
fetch_method (Fixture     *f,
              const char  *method,
              const char  *url,
              const char  *accept,
              guint       *status,
              char       **location)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options (
    "tls-database", fedisim_world_get_tls_database (f->world), NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Sent sent = { FALSE, NULL, NULL };

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (accept != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", accept);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &sent);
  while (!sent.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (sent.error);
  *status = soup_message_get_status (msg);
  if (location != NULL)
    *location = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                        "Location"));
  return sent.body;
}

static GBytes *
fetch (Fixture     *f,
       const char  *url,
       const char  *accept,
       guint       *status,
       char       **location)
{
  return fetch_method (f, "GET", url, accept, status, location);
}

static JsonObject *
object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

typedef struct
{
  FedisimServer *old_server;
  FedisimServer *new_server;
  FedisimServer *elsewhere;
} Community;

static Community
community_world (Fixture        *f,
                 FedisimFlavour  old_flavour,
                 FedisimFlavour  new_flavour)
{
  Community c;

  c.old_server = add_server (f, old_flavour, NULL);
  c.new_server = add_server (f, new_flavour, NULL);
  c.elsewhere = add_server (f, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL);
  return c;
}

/* The state of a member as a client can tell it from the servers' public answers. */
static FedisimMemberState
classify (Fixture    *f,
          Community  *c,
          const char *username,
          gint64      inactive_since)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/accounts/lookup?acct=%s", username);
  g_autoptr(JsonNode) old = NULL;
  g_autoptr(JsonNode) fresh = NULL;
  JsonObject *account;
  guint status;

  old = call (f, c->old_server, "GET", path, NULL, NULL, &status, NULL);
  if (status == 404)
    return FEDISIM_MEMBER_DELETED;
  g_assert_cmpuint (status, ==, 200);
  account = object (old);
  if (json_object_get_boolean_member_with_default (account, "suspended", FALSE))
    {
      /* Suspended: no moved (account_serializer.rb), the name blanked. */
      g_assert_false (json_object_has_member (account, "moved"));
      g_assert_cmpstr (json_object_get_string_member (account, "display_name"), ==, "");
      return FEDISIM_MEMBER_SUSPENDED;
    }
  if (json_object_has_member (account, "moved"))
    {
      JsonObject *moved = json_object_get_object_member (account, "moved");
      const char *acct = json_object_get_string_member (moved, "acct");
      gint64 baseline = fedisim_community_baseline_followers (c->old_server, username);
      g_autofree char *new_path = NULL;
      gint64 arrived, left;

      g_assert_cmpstr (acct, ==, fedisim_community_moved_to (c->old_server, username));
      if (g_str_has_suffix (acct, fedisim_server_get_host (c->elsewhere)))
        return FEDISIM_MEMBER_ELSEWHERE;
      g_assert_true (g_str_has_suffix (acct, fedisim_server_get_host (c->new_server)));
      /* The count on the new account's home server (community-facts §2.4). */
      new_path = g_strdup_printf ("/api/v1/accounts/lookup?acct=%s", username);
      fresh = call (f, c->new_server, "GET", new_path, NULL, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 200);
      arrived = json_object_get_int_member (object (fresh), "followers_count");
      left = json_object_get_int_member (account, "followers_count");
      /* Followers that arrive left the old account; the baseline is both together. */
      g_assert_cmpint (arrived + left, ==, baseline);
      if (arrived == 0)
        return FEDISIM_MEMBER_MOVED;
      return arrived * 100 < baseline * 80 ? FEDISIM_MEMBER_ARRIVING : FEDISIM_MEMBER_DONE;
    }

  fresh = call (f, c->new_server, "GET", path, NULL, NULL, &status, NULL);
  if (status == 200)
    {
      g_autofree char *actor_url = g_strdup_printf ("%s/users/%s",
                                                    fedisim_server_get_base_url (c->new_server),
                                                    username);
      g_autofree char *old_uri = g_strdup_printf ("%s/users/%s",
                                                  fedisim_server_get_base_url (c->old_server),
                                                  username);
      g_autoptr(GBytes) body = fetch (f, actor_url, "application/activity+json", &status, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *aliases;

      g_assert_cmpuint (status, ==, 200);
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                 g_bytes_get_size (body), NULL));
      aliases = json_object_get_array_member (object (json_parser_get_root (parser)),
                                              "alsoKnownAs");
      for (guint i = 0; i < json_array_get_length (aliases); i++)
        if (g_str_equal (json_array_get_string_element (aliases, i), old_uri))
          return FEDISIM_MEMBER_ALIAS_SET;
      return FEDISIM_MEMBER_NEW_ACCOUNT;
    }
  g_assert_cmpuint (status, ==, 404);

  {
    const char *last = json_object_get_string_member (account, "last_status_at");
    g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc (inactive_since);
    g_autofree char *since_day = g_date_time_format (since, "%Y-%m-%d");

    g_assert_nonnull (last);
    g_assert_cmpuint (strlen (last), ==, 10);   /* a date, no time */
    return strcmp (last, since_day) < 0 ? FEDISIM_MEMBER_INACTIVE : FEDISIM_MEMBER_NOT_STARTED;
  }
}

static void
test_spread (Fixture       *f,
             gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  gint64 now = fedisim_world_now (f->world);
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc (now - 120 * DAY);
  g_autofree char *since_day = g_date_time_format (since, "%Y-%m-%d");
  FedisimCommunityConfig config = { .n_members = 200, .seed = 7, .inactive_since = since_day,
                                    .community_account = "community", .elsewhere = c.elsewhere };
  const char * const *names = fedisim_server_seed_community (c.old_server, c.new_server, &config);
  guint seen[FEDISIM_MEMBER_N_STATES] = { 0 };
  g_autoptr(GDateTime) since_midnight = g_date_time_new_utc (g_date_time_get_year (since),
                                                             g_date_time_get_month (since),
                                                             g_date_time_get_day_of_month (since),
                                                             0, 0, 0);

  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 200);
  g_assert_cmpstr (names[0], ==, "user0001");
  g_assert_cmpstr (names[199], ==, "user0200");

  /* An even spread: 20 in each of the ten states, and what the servers say agrees. */
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    g_assert_cmpuint (fedisim_community_count_state (c.old_server, s), ==, 20);
  for (guint i = 0; names[i] != NULL; i++)
    {
      FedisimMemberState state = classify (f, &c, names[i],
                                           g_date_time_to_unix (since_midnight));

      g_assert_cmpint (state, ==, fedisim_community_truth (c.old_server, names[i]));
      seen[state]++;
    }
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    g_assert_cmpuint (seen[s], ==, 20);

  /* Deleted is gone everywhere: accounts/:id too, WebFinger 410. */
  for (guint i = 0; names[i] != NULL; i++)
    if (fedisim_community_truth (c.old_server, names[i]) == FEDISIM_MEMBER_DELETED)
      {
        g_autofree char *finger = g_strdup_printf ("/.well-known/webfinger?resource=acct:%s@%s",
                                                   names[i],
                                                   fedisim_server_get_host (c.old_server));
        guint status;

        drop (call (f, c.old_server, "GET", finger, NULL, NULL, &status, NULL));
        g_assert_cmpuint (status, ==, 410);
        break;
      }

  /* Nothing was throttled. */
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (c.new_server, 429), ==, 0);

  /* The same seed gives the same community; another seed another order. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FedisimWorld) other = fedisim_world_new (&error);
    FedisimServer *a, *b;
    guint same = 0;

    g_assert_no_error (error);
    a = fedisim_world_add_server (other, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
    b = fedisim_world_add_server (other, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
    g_assert_no_error (error);
    fedisim_world_set_time (other, now);
    config.elsewhere = fedisim_world_add_server (other, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, &error);
    fedisim_server_seed_community (a, b, &config);
    for (guint i = 0; names[i] != NULL; i++)
      {
        g_assert_cmpint (fedisim_community_truth (a, names[i]), ==,
                         fedisim_community_truth (c.old_server, names[i]));
        g_assert_cmpint (fedisim_community_baseline_followers (a, names[i]), ==,
                         fedisim_community_baseline_followers (c.old_server, names[i]));
      }

    config.seed = 8;
    a = fedisim_world_add_server (other, FEDISIM_FLAVOUR_MASTODON, NULL, &error);
    fedisim_server_seed_community (a, b, &config);
    for (guint i = 0; names[i] != NULL; i++)
      same += fedisim_community_truth (a, names[i]) ==
              fedisim_community_truth (c.old_server, names[i]);
    g_assert_cmpuint (same, <, 100);
  }
}

static void
test_shares (Fixture       *f,
             gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_GOTOSOCIAL);
  FedisimCommunityConfig config = { .n_members = 101, .seed = 1 };

  /* Shares in percent, rounded; ELSEWHERE without a third server counts as not started. */
  config.percent[FEDISIM_MEMBER_NOT_STARTED] = 50;
  config.percent[FEDISIM_MEMBER_DONE] = 30;
  config.percent[FEDISIM_MEMBER_ELSEWHERE] = 20;
  fedisim_server_seed_community (c.old_server, c.new_server, &config);
  g_assert_cmpuint (fedisim_community_count_state (c.old_server, FEDISIM_MEMBER_NOT_STARTED),
                    ==, 71);
  g_assert_cmpuint (fedisim_community_count_state (c.old_server, FEDISIM_MEMBER_DONE), ==, 30);
  g_assert_cmpuint (fedisim_community_count_state (c.old_server, FEDISIM_MEMBER_ELSEWHERE),
                    ==, 0);
}

/* A member taken through every step, checked over HTTP at each one; the followers arrive on
 * the virtual clock, the first follower server faster than the second. */
static void
test_steps_and_arrival (Fixture       *f,
                        gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  FedisimServer *fast = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  FedisimServer *slow = add_server (f, FEDISIM_FLAVOUR_AKKOMA, NULL);
  FedisimServer *deaf = add_server (f, FEDISIM_FLAVOUR_LEGACY, NULL);
  g_autoptr(GPtrArray) followers = g_ptr_array_new ();
  FedisimCommunityConfig config = { .n_members = 20, .seed = 3, .follower_servers = followers };
  static const FedisimMemberState steps[] = {
    FEDISIM_MEMBER_NEW_ACCOUNT, FEDISIM_MEMBER_ALIAS_SET, FEDISIM_MEMBER_MOVED,
    FEDISIM_MEMBER_ARRIVING, FEDISIM_MEMBER_DONE, FEDISIM_MEMBER_DONE,
  };
  const char * const *names;
  gint64 previous = 0;

  g_ptr_array_add (followers, fast);
  g_ptr_array_add (followers, slow);
  config.percent[FEDISIM_MEMBER_NOT_STARTED] = 100;
  names = fedisim_server_seed_community (c.old_server, c.new_server, &config);

  g_assert_cmpint (classify (f, &c, names[0], 0), ==, FEDISIM_MEMBER_NOT_STARTED);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      fedisim_community_advance_member (c.old_server, names[0]);
      g_assert_cmpint (fedisim_community_truth (c.old_server, names[0]), ==, steps[i]);
      g_assert_cmpint (classify (f, &c, names[0], 0), ==, steps[i]);
    }

  /* The others move now; nobody has arrived at first. */
  for (guint i = 1; names[i] != NULL; i++)
    for (guint s = 0; s < 3; s++)
      fedisim_community_advance_member (c.old_server, names[i]);
  g_assert_cmpuint (fedisim_community_count_state (c.old_server, FEDISIM_MEMBER_MOVED), ==, 19);

  /* Over the next days the counts only rise, and every member gets there. */
  for (guint hour = 1; hour <= 72; hour *= 2)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/accounts/lookup?acct=%s", names[1]);
      g_autoptr(JsonNode) node = NULL;
      guint status;
      gint64 count;

      fedisim_world_advance (f->world, hour * 3600 - (hour / 2) * 3600);
      node = call (f, c.new_server, "GET", path, NULL, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 200);
      count = json_object_get_int_member (object (node), "followers_count");
      g_assert_cmpint (count, >=, previous);
      previous = count;
      for (guint i = 1; names[i] != NULL; i++)
        g_assert_cmpint (classify (f, &c, names[i], 0), ==,
                         fedisim_community_truth (c.old_server, names[i]));
    }
  g_assert_cmpint (previous, ==, fedisim_community_baseline_followers (c.old_server, names[1]));
  g_assert_cmpuint (fedisim_community_count_state (c.old_server, FEDISIM_MEMBER_DONE), ==, 20);

  /* Followers on a server that ignores Move never come: the member stays arriving. */
  {
    g_autoptr(GPtrArray) deaf_followers = g_ptr_array_new ();
    FedisimServer *old2 = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
    FedisimServer *new2 = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
    FedisimCommunityConfig deaf_config = { .n_members = 4, .seed = 3,
                                           .follower_servers = deaf_followers };

    g_ptr_array_add (deaf_followers, fast);
    g_ptr_array_add (deaf_followers, deaf);
    deaf_config.percent[FEDISIM_MEMBER_DONE] = 100;
    names = fedisim_server_seed_community (old2, new2, &deaf_config);
    for (guint i = 0; names[i] != NULL; i++)
      g_assert_cmpint (fedisim_community_truth (old2, names[i]), ==, FEDISIM_MEMBER_ARRIVING);
  }
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (c.new_server, 429), ==, 0);
}

static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  FedisimCommunityConfig config = { .n_members = 280, .seed = 11, .discoverable_percent = 60,
                                    .community_account = "community", .elsewhere = c.elsewhere };
  const char * const *names = NULL;
  /* The lookups with a token: they count per token, the directory per IP. */
  g_autofree char *token = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint expected = 0, pages = 0, status;
  gint64 offset = 0;
  g_autofree char *last_day = NULL;

  /* Enough members left in the directory for two pages. */
  config.percent[FEDISIM_MEMBER_NOT_STARTED] = 40;
  config.percent[FEDISIM_MEMBER_NEW_ACCOUNT] = 20;
  config.percent[FEDISIM_MEMBER_ALIAS_SET] = 10;
  config.percent[FEDISIM_MEMBER_MOVED] = 10;
  config.percent[FEDISIM_MEMBER_ELSEWHERE] = 10;
  config.percent[FEDISIM_MEMBER_SUSPENDED] = 5;
  config.percent[FEDISIM_MEMBER_DELETED] = 5;
  names = fedisim_server_seed_community (c.old_server, c.new_server, &config);
  g_assert_nonnull (names);
  token = fedisim_server_issue_token (c.old_server, "community", "read");

  /* Pages of at most 80 (limit=200 asked), by offset, until one comes back short. */
  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/directory?local=true&limit=200"
                                               "&offset=%" G_GINT64_FORMAT, offset);
      g_autoptr(JsonNode) node = call (f, c.old_server, "GET", path, NULL, NULL, &status, NULL);
      JsonArray *array;

      g_assert_cmpuint (status, ==, 200);
      array = json_node_get_array (node);
      g_assert_cmpuint (json_array_get_length (array), <=, 80);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *account = json_array_get_object_element (array, i);
          const char *day = json_object_get_string_member (account, "last_status_at");

          g_assert_false (json_object_has_member (account, "moved"));
          g_assert_true (json_object_get_boolean_member (account, "discoverable"));
          g_assert_true (g_hash_table_add (listed,
                                           g_strdup (json_object_get_string_member (account,
                                                                                    "username"))));
          /* order=active: the most recent post first, accounts without one last. */
          if (last_day != NULL && day != NULL)
            g_assert_cmpstr (day, <=, last_day);
          if (day != NULL)
            {
              g_free (last_day);
              last_day = g_strdup (day);
            }
        }
      pages++;
      offset += json_array_get_length (array);
      if (json_array_get_length (array) < 80)
        break;
    }
  g_assert_cmpuint (pages, ==, g_hash_table_size (listed) / 80 + 1);
  g_assert_cmpuint (pages, >=, 2);

  /* Exactly the discoverable members that have not moved, are not suspended or deleted. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/accounts/lookup?acct=%s", names[i]);
      g_autoptr(JsonNode) node = call (f, c.old_server, "GET", path, token, NULL, &status, NULL);
      FedisimMemberState state = fedisim_community_truth (c.old_server, names[i]);
      gboolean gone = state == FEDISIM_MEMBER_DELETED || state == FEDISIM_MEMBER_SUSPENDED ||
                      fedisim_community_moved_to (c.old_server, names[i]) != NULL;
      gboolean wanted = !gone && json_object_get_boolean_member (object (node), "discoverable");

      if (state == FEDISIM_MEMBER_DELETED)
        continue;
      expected += wanted;
      g_assert_cmpint (g_hash_table_contains (listed, names[i]), ==, wanted);
    }
  g_assert_true (g_hash_table_contains (listed, "community"));
  g_assert_cmpuint (g_hash_table_size (listed), ==, expected + 1);
  g_assert_cmpuint (expected, >, 30);

  /* With a token, accounts the viewer mutes are left out (not_excluded_by_account). */
  {
    g_autoptr(JsonNode) node = NULL;
    g_autofree char *id = NULL;
    g_autofree char *mute = NULL;
    g_autofree char *writer = fedisim_server_issue_token (c.old_server, "community",
                                                         "read write follow");
    const char *muted = NULL;

    for (guint i = 0; names[i] != NULL && muted == NULL; i++)
      if (g_hash_table_contains (listed, names[i]))
        muted = names[i];
    g_assert_nonnull (muted);
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/accounts/lookup?acct=%s", muted);

      node = call (f, c.old_server, "GET", path, token, NULL, &status, NULL);
      id = g_strdup (member (node, "id"));
      g_clear_pointer (&node, json_node_unref);
    }
    mute = g_strdup_printf ("/api/v1/accounts/%s/mute", id);
    drop (call (f, c.old_server, "POST", mute, writer, "", &status, NULL));
    g_assert_cmpuint (status, ==, 200);
    for (gint64 at = 0; at < offset; at += 80)
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/directory?local=true&limit=80"
                                                 "&offset=%" G_GINT64_FORMAT, at);
        JsonArray *array;

        node = call (f, c.old_server, "GET", path, token, NULL, &status, NULL);
        g_assert_cmpuint (status, ==, 200);
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                          "username"), !=, muted);
        g_clear_pointer (&node, json_node_unref);
      }
  }

  /* GoToSocial has none. */
  drop (call (f, c.elsewhere, "GET", "/api/v1/directory?local=true", NULL, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 0);
}

/* Pages through a Mastodon admin list by its Link header; returns the usernames. */
static GHashTable *
admin_sweep (Fixture       *f,
             FedisimServer *server,
             const char    *first,
             const char    *token,
             guint         *n_pages)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_strdup (first);
  gsize base_len = strlen (fedisim_server_get_base_url (server));

  *n_pages = 0;
  while (path != NULL)
    {
      SoupMessageHeaders *headers = NULL;
      g_autoptr(JsonNode) node = NULL;
      const char *link;
      const char *next;
      guint status;
      JsonArray *array;

      node = call (f, server, "GET", path, token, NULL, &status, &headers);
      g_assert_cmpuint (status, ==, 200);
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);
          const char *username = json_object_get_string_member (entry, "username");

          g_assert_true (json_object_has_member (entry, "account"));
          g_assert_false (json_object_get_boolean_member (entry, "suspended"));
          g_assert_true (g_hash_table_add (seen, g_strdup (username)));
        }
      (*n_pages)++;
      g_clear_pointer (&path, g_free);
      link = headers ? soup_message_headers_get_one (headers, "Link") : NULL;
      next = link ? strstr (link, "rel=\"next\"") : NULL;
      if (next != NULL)
        {
          const char *start = strchr (link, '<');
          const char *end = strchr (link, '>');

          g_assert_true (start != NULL && end != NULL && end < next);
          /* The filters stay in the next link. */
          g_assert_nonnull (g_strstr_len (start, end - start, "origin=local"));
          g_assert_true (g_str_has_prefix (start + 1, fedisim_server_get_base_url (server)));
          path = g_strndup (start + 1 + base_len, end - start - 1 - base_len);
        }
      g_clear_pointer (&headers, soup_message_headers_unref);
    }
  return seen;
}

static void
test_admin_mastodon (Fixture       *f,
                     gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  FedisimCommunityConfig config = { .n_members = 450, .seed = 5, .community_account = "helper",
                                    .elsewhere = c.elsewhere };
  const char * const *names = fedisim_server_seed_community (c.old_server, c.new_server, &config);
  g_autofree char *plain = fedisim_server_issue_token (c.old_server, "helper", "read write");
  g_autofree char *admin = fedisim_server_issue_token (c.old_server, "helper",
                                                       "read admin:read:accounts");
  const char *first = "/api/v2/admin/accounts?origin=local&status=active&limit=200";
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status, pages, active = 1;   /* the helper */

  /* Without the scope: Doorkeeper's 403. */
  node = call (f, c.old_server, "GET", first, plain, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (member (node, "error"), ==, "This action is outside the authorized scopes");
  g_clear_pointer (&node, json_node_unref);

  /* With the scope but a role without Manage Users (Manage Reports only): the policy's 403. */
  for (guint round = 0; round < 2; round++)
    {
      fedisim_server_set_admin (c.old_server, "helper", round == 0 ? 0 : 16);
      node = call (f, c.old_server, "GET", first, admin, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 403);
      g_assert_cmpstr (member (node, "error"), ==, "This action is not allowed");
      g_clear_pointer (&node, json_node_unref);
    }

  /* verify_credentials shows the role, permissions as a decimal string. */
  fedisim_server_set_admin (c.old_server, "helper", 0x400);
  node = call (f, c.old_server, "GET", "/api/v1/accounts/verify_credentials", plain, NULL,
               &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object (node),
                                                                                 "role"),
                                                  "permissions"), ==, "1024");
  g_clear_pointer (&node, json_node_unref);

  /* A moderator (Manage Users) sweeps every active local account, 200 a page. */
  seen = admin_sweep (f, c.old_server, first, admin, &pages);
  for (guint i = 0; names[i] != NULL; i++)
    {
      FedisimMemberState state = fedisim_community_truth (c.old_server, names[i]);
      gboolean wanted = state != FEDISIM_MEMBER_SUSPENDED && state != FEDISIM_MEMBER_DELETED;

      active += wanted;
      g_assert_cmpint (g_hash_table_contains (seen, names[i]), ==, wanted);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, active);
  g_assert_cmpuint (pages, ==, (active + 199) / 200 + (active % 200 == 0));
  g_clear_pointer (&seen, g_hash_table_unref);

  /* v1 without filters: local and active too; an administrator passes as well. */
  fedisim_server_set_admin (c.old_server, "helper", 1);
  node = call (f, c.old_server, "GET", "/api/v1/admin/accounts", admin, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 100);
  g_clear_pointer (&node, json_node_unref);

  /* An unknown origin: 400. */
  node = call (f, c.old_server, "GET", "/api/v2/admin/accounts?origin=everywhere", admin, NULL,
               &status, NULL);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&node, json_node_unref);

  /* A token of this server was not sent anywhere else, nothing was throttled. */
  g_assert_cmpuint (fedisim_server_request_count (c.new_server, "GET /api/v2/admin/accounts"),
                    ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 0);
}

static void
test_admin_gts_akkoma (Fixture       *f,
                       gconstpointer  data)
{
  FedisimServer *gts = add_server (f, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL);
  FedisimServer *akkoma = add_server (f, FEDISIM_FLAVOUR_AKKOMA, NULL);
  FedisimServer *target = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  FedisimCommunityConfig config = { .n_members = 100, .seed = 2, .community_account = "helper" };
  g_autofree char *gts_token = NULL;
  g_autofree char *akkoma_token = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  fedisim_server_seed_community (gts, target, &config);
  gts_token = fedisim_server_issue_token (gts, "helper", "read admin:read:accounts");

  /* GoToSocial: admins only; a moderator is refused. */
  fedisim_server_set_admin (gts, "helper", 0x400);
  node = call (f, gts, "GET", "/api/v2/admin/accounts?origin=local&status=active", gts_token,
               NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_assert_true (g_str_has_prefix (member (node, "error"), "Forbidden: user "));
  g_assert_true (g_str_has_suffix (member (node, "error"), " not an admin"));
  g_clear_pointer (&node, json_node_unref);
  node = call (f, gts, "GET", "/api/v1/accounts/verify_credentials", gts_token, NULL, &status,
               NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object (node),
                                                                                 "role"),
                                                  "name"), ==, "moderator");
  g_clear_pointer (&node, json_node_unref);

  fedisim_server_set_admin (gts, "helper", 1);
  node = call (f, gts, "GET", "/api/v2/admin/accounts?origin=local&status=active", gts_token,
               NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 50);   /* default */
  g_clear_pointer (&node, json_node_unref);
  /* No directory there. */
  drop (call (f, gts, "GET", "/api/v1/directory", NULL, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 404);

  /* Akkoma: is_admin, page and page_size. */
  fedisim_server_seed_community (akkoma, target, &config);
  akkoma_token = fedisim_server_issue_token (akkoma, "helper", "read admin:read:accounts");
  node = call (f, akkoma, "GET", "/api/v1/pleroma/admin/users?filters=local,active&page=1",
               akkoma_token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&node, json_node_unref);
  fedisim_server_set_admin (akkoma, "helper", 1);
  {
    guint total = 0, count = 0;

    for (guint page = 1; page < 10; page++)
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/pleroma/admin/users?filters=local,active"
                                                 "&page=%u&page_size=25", page);
        guint n;

        node = call (f, akkoma, "GET", path, akkoma_token, NULL, &status, NULL);
        g_assert_cmpuint (status, ==, 200);
        count = json_object_get_int_member (object (node), "count");
        n = json_array_get_length (json_object_get_array_member (object (node), "users"));
        total += n;
        g_clear_pointer (&node, json_node_unref);
        if (n < 25)
          break;
      }
    g_assert_cmpuint (total, ==, count);
    g_assert_cmpuint (count, ==,
                      101 - fedisim_community_count_state (akkoma, FEDISIM_MEMBER_DELETED)
                          - fedisim_community_count_state (akkoma, FEDISIM_MEMBER_SUSPENDED));
  }
}

static void
test_profile_redirect (Fixture       *f,
                       gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  FedisimCommunityConfig config = { .n_members = 10, .seed = 4 };
  g_autofree char *profile = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *location = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  config.percent[FEDISIM_MEMBER_DONE] = 100;
  fedisim_server_seed_community (c.old_server, c.new_server, &config);
  profile = g_strdup_printf ("%s/@user0001", fedisim_server_get_base_url (c.old_server));
  actor = g_strdup_printf ("%s/users/user0001", fedisim_server_get_base_url (c.old_server));
  expected = g_strdup_printf ("%s/@user0001", fedisim_server_get_base_url (c.new_server));

  body = fetch (f, profile, "text/html", &status, &location);
  g_assert_cmpuint (status, ==, 200);
  g_assert_null (location);
  g_clear_pointer (&body, g_bytes_unref);

  fedisim_server_set_profile_redirect (c.old_server, TRUE);
  body = fetch (f, profile, "text/html", &status, &location);
  g_assert_cmpuint (status, ==, 301);
  g_assert_cmpstr (location, ==, expected);
  g_clear_pointer (&body, g_bytes_unref);
  g_clear_pointer (&location, g_free);
  /* HEAD without an ActivityPub Accept, as a check would send it (community-facts §6.4). */
  body = fetch_method (f, "HEAD", profile, NULL, &status, &location);
  g_assert_cmpuint (status, ==, 301);
  g_assert_cmpstr (location, ==, expected);
  g_clear_pointer (&body, g_bytes_unref);
  g_clear_pointer (&location, g_free);

  /* The actor still answers for ActivityPub, with movedTo. */
  body = fetch (f, actor, "application/activity+json", &status, &location);
  g_assert_cmpuint (status, ==, 200);
  g_assert_null (location);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  "\"movedTo\""));
  g_clear_pointer (&body, g_bytes_unref);

  fedisim_server_set_profile_redirect (c.old_server, FALSE);
  body = fetch (f, profile, "text/html", &status, &location);
  g_assert_cmpuint (status, ==, 200);
}

/* Mastodon's unauthenticated API throttle: 300 per 5 minutes per IP, on the virtual clock. */
static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  FedisimCommunityConfig config = { .n_members = 10, .seed = 9 };
  SoupMessageHeaders *headers = NULL;
  guint status;

  fedisim_world_set_time (f->world, (fedisim_world_now (f->world) / 300) * 300 + 10);
  fedisim_server_seed_community (c.old_server, c.new_server, &config);
  for (guint i = 0; i < 300; i++)
    {
      drop (call (f, c.old_server, "GET", i % 2 ? "/api/v1/accounts/lookup?acct=user0001"
                                                : "/api/v1/directory?local=true",
                  NULL, NULL, &status, NULL));
      g_assert_cmpuint (status, ==, 200);
    }
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 0);

  drop (call (f, c.old_server, "GET", "/api/v1/accounts/lookup?acct=user0002", NULL, NULL,
              &status, &headers));
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Limit"), ==, "300");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Remaining"), ==, "0");
  g_assert_nonnull (soup_message_headers_get_one (headers, "X-RateLimit-Reset"));
  g_assert_null (soup_message_headers_get_one (headers, "Retry-After"));
  g_clear_pointer (&headers, soup_message_headers_unref);
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 1);

  /* The actor is not under /api: not throttled. */
  {
    g_autofree char *url = g_strdup_printf ("%s/users/user0001",
                                            fedisim_server_get_base_url (c.old_server));
    g_autoptr(GBytes) body = fetch (f, url, "application/activity+json", &status, NULL);

    g_assert_cmpuint (status, ==, 200);
  }

  /* Five minutes on, the window is new. */
  fedisim_world_advance (f->world, 300);
  drop (call (f, c.old_server, "GET", "/api/v1/accounts/lookup?acct=user0002", NULL, NULL,
              &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (fedisim_server_status_count (c.old_server, 429), ==, 1);
}

static void
test_five_thousand (Fixture       *f,
                    gconstpointer  data)
{
  Community c = community_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  FedisimCommunityConfig config = { .n_members = 5000, .seed = 42,
                                    .community_account = "community", .elsewhere = c.elsewhere };
  gint64 start = g_get_monotonic_time ();
  const char * const *names = fedisim_server_seed_community (c.old_server, c.new_server, &config);
  gint64 took = g_get_monotonic_time () - start;
  g_autoptr(JsonNode) node = NULL;
  guint total = 0, status;

  g_test_message ("seeding 5,000 members took %" G_GINT64_FORMAT " ms", took / 1000);
  /* Two seconds; under valgrind (its preload in LD_PRELOAD) about 30 times slower. */
  g_assert_cmpint (took, <, (strstr (g_getenv ("LD_PRELOAD") ? g_getenv ("LD_PRELOAD") : "",
                                     "vgpreload") ? 60 : 2) * G_USEC_PER_SEC);
  g_assert_cmpstr (names[4999], ==, "user5000");
  g_assert_null (names[5000]);
  for (guint s = 0; s < FEDISIM_MEMBER_N_STATES; s++)
    {
      g_assert_cmpuint (fedisim_community_count_state (c.old_server, s), ==, 500);
      total += fedisim_community_count_state (c.old_server, s);
    }
  g_assert_cmpuint (total, ==, 5000);

  /* The community account's followers are the members (not the deleted ones), 80 a page at
   * most. */
  {
    g_autofree char *id = NULL;

    node = call (f, c.old_server, "GET", "/api/v1/accounts/lookup?acct=community", NULL, NULL,
                 &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (object (node), "followers_count"), ==, 4500);
    id = g_strdup (member (node, "id"));
    g_clear_pointer (&node, json_node_unref);
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%s/followers?limit=80", id);

      node = call (f, c.old_server, "GET", path, NULL, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 200);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 80);
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/fedisim/community/spread", test_spread);
  ADD ("/fedisim/community/shares", test_shares);
  ADD ("/fedisim/community/steps-and-arrival", test_steps_and_arrival);
  ADD ("/fedisim/community/directory", test_directory);
  ADD ("/fedisim/community/admin-mastodon", test_admin_mastodon);
  ADD ("/fedisim/community/admin-gts-akkoma", test_admin_gts_akkoma);
  ADD ("/fedisim/community/profile-redirect", test_profile_redirect);
  ADD ("/fedisim/community/rate-limit", test_rate_limit);
  ADD ("/fedisim/community/five-thousand", test_five_thousand);
#undef ADD

  return g_test_run ();
}
