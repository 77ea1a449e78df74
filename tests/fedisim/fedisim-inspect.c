/* fedisim-inspect.c: what tests do to a server from outside: users, tokens, seeds, faults,
 * counts and state dumps
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

const char *
fedisim_server_get_host (FedisimServer *server)
{
  return server->host;
}

const char *
fedisim_server_get_base_url (FedisimServer *server)
{
  return server->base_url;
}

FedisimFlavour
fedisim_server_get_flavour (FedisimServer *server)
{
  return server->flavour;
}

const char *
fedisim_server_get_version (FedisimServer *server)
{
  return server->version;
}

void
fedisim_server_set_authorized_fetch (FedisimServer *server,
                                     gboolean       enabled)
{
  server->authorized_fetch = enabled;
}

void
fedisim_server_add_user (FedisimServer *server,
                         const char    *username,
                         const char    *password)
{
  if (fs_server_find_local (server, username) == NULL)
    fs_server_create_actor (server, username, password);
}

/* A token as if the user had signed in through an app called "fedisim tests". */
char *
fedisim_server_issue_token (FedisimServer *server,
                            const char    *username,
                            const char    *scopes)
{
  FsActor *user = fs_server_find_local (server, username);
  FsApp *app = NULL;
  FsToken *token;

  g_return_val_if_fail (user != NULL, NULL);

  for (guint i = 0; i < server->apps->len; i++)
    if (g_str_equal (((FsApp *) g_ptr_array_index (server->apps, i))->name, "fedisim tests"))
      app = g_ptr_array_index (server->apps, i);
  if (app == NULL)
    {
      app = g_new0 (FsApp, 1);
      app->id = server->next_id++;
      app->client_id = g_strdup_printf ("tests-%" G_GUINT64_FORMAT, app->id);
      app->client_secret = g_strdup_printf ("secret-%" G_GUINT64_FORMAT, app->id);
      app->name = g_strdup ("fedisim tests");
      app->scopes = g_strdup ("read write follow push profile");
      app->redirect_uris = g_strsplit ("urn:ietf:wg:oauth:2.0:oob", " ", -1);
      g_ptr_array_add (server->apps, app);
    }

  token = g_new0 (FsToken, 1);
  token->id = server->next_id++;
  token->token = g_strdup_printf ("tok-%s-%" G_GUINT64_FORMAT "-%08x", username, token->id,
                                  g_random_int ());
  token->app = app;
  token->user = user;
  token->scopes = g_strsplit (scopes ? scopes : "read write follow", " ", -1);
  g_ptr_array_add (server->tokens, token);
  return g_strdup (token->token);
}

void
fedisim_server_revoke_tokens (FedisimServer *server,
                              const char    *username)
{
  for (guint i = 0; i < server->tokens->len; i++)
    {
      FsToken *token = g_ptr_array_index (server->tokens, i);

      if (token->user != NULL && g_str_equal (token->user->username, username))
        token->revoked = TRUE;
    }
}

/* The server goes away: connections are refused until it comes back on the same port. */
void
fedisim_server_stop (FedisimServer *server)
{
  if (server->soup == NULL)
    return;
  soup_server_disconnect (server->soup);
  g_clear_object (&server->soup);
}

gboolean
fedisim_server_restart (FedisimServer  *server,
                        GError        **error)
{
  SoupServerListenOptions options = 0;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, server->port);

  if (server->soup != NULL)
    return TRUE;
  if (server->world->certificate != NULL)
    {
      server->soup = soup_server_new ("tls-certificate", server->world->certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  else
    server->soup = soup_server_new (NULL, NULL);
  fs_server_attach (server);
  if (!soup_server_listen (server->soup, address, options, error))
    {
      g_clear_object (&server->soup);
      return FALSE;
    }
  return TRUE;
}

gboolean
fedisim_server_seed_follow (FedisimServer  *server,
                            const char     *follower,
                            const char     *followed_handle,
                            GError        **error)
{
  FsActor *from = fs_server_find_local (server, follower);
  FsActor *to = fs_world_resolve_handle (server->world, followed_handle);

  if (from == NULL || to == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no such account: %s",
                   from == NULL ? follower : followed_handle);
      return FALSE;
    }
  fs_world_add_follow (server->world, from, to);
  return TRUE;
}

/* n accounts on this server, all followed by @username. */
void
fedisim_server_seed_following (FedisimServer *server,
                               const char    *username,
                               guint          n)
{
  FsActor *me = fs_server_find_local (server, username);

  g_return_if_fail (me != NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s_friend%u", username, i);
      FsActor *friend = fs_server_find_local (server, name);

      if (friend == NULL)
        friend = fs_server_create_actor (server, name, NULL);
      fs_world_add_follow (server->world, me, friend);
    }
}

void
fedisim_server_seed_fixture (FedisimServer *server,
                             const char    *username,
                             const char    *fixture)
{
  FsActor *me = fs_server_find_local (server, username);

  if (me == NULL)
    me = fs_server_create_actor (server, username, "password");
  fs_fixture_generate (server, me, fixture);
}

void
fedisim_server_add_fault (FedisimServer *server,
                          const char    *route,
                          FedisimFault   fault,
                          guint          value,
                          guint          n_times)
{
  FsFaultRule *rule = g_new0 (FsFaultRule, 1);

  rule->route = g_strdup (route);
  rule->fault = fault;
  rule->value = value;
  rule->remaining = n_times;
  g_ptr_array_add (server->faults, rule);
}

void
fedisim_server_clear_faults (FedisimServer *server)
{
  g_ptr_array_set_size (server->faults, 0);
}

/* route: "GET /api/v1/accounts/:id/following" as the route table spells it. */
guint
fedisim_server_request_count (FedisimServer *server,
                              const char    *route)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (server->request_counts, route));
}

guint
fedisim_server_status_count (FedisimServer *server,
                             guint          status)
{
  g_autofree char *key = g_strdup_printf ("%u", status);

  return GPOINTER_TO_UINT (g_hash_table_lookup (server->status_counts, key));
}

/* Every answer the server gave, whatever its status. */
guint
fedisim_server_answer_count (FedisimServer *server)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, server->status_counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  return total;
}

void
fedisim_server_reset_counts (FedisimServer *server)
{
  g_hash_table_remove_all (server->request_counts);
  g_hash_table_remove_all (server->status_counts);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_handles (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *actors)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < actors->len; i++)
    {
      g_autofree char *handle = fs_actor_handle (g_ptr_array_index (actors, i));

      json_builder_add_string_value (builder, handle);
    }
  json_builder_end_array (builder);
}

/**
 * fedisim_server_dump_account:
 *
 * Everything the server holds for an account, so that tests assert on the server's real
 * state: profile, counts, follows (with options), followers, blocks, mutes, lists, etc.
 */
JsonNode *
fedisim_server_dump_account (FedisimServer *server,
                             const char    *username)
{
  FsActor *me = fs_server_find_local (server, username);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  g_return_val_if_fail (me != NULL, NULL);

  fs_world_catch_up (server->world);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_add_value (builder, fs_json_account (server, me, TRUE));
  json_builder_set_member_name (builder, "moved_to");
  if (me->moved_to != NULL)
    {
      g_autofree char *handle = fs_actor_handle (me->moved_to);
      json_builder_add_string_value (builder, handle);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "also_known_as");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->also_known_as->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (me->also_known_as, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "following");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->following->len; i++)
    {
      FsFollow *follow = g_ptr_array_index (me->following, i);
      g_autofree char *handle = fs_actor_handle (follow->to);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "acct");
      json_builder_add_string_value (builder, handle);
      json_builder_set_member_name (builder, "reblogs");
      json_builder_add_boolean_value (builder, follow->reblogs);
      json_builder_set_member_name (builder, "notify");
      json_builder_add_boolean_value (builder, follow->notify);
      json_builder_set_member_name (builder, "pending");
      json_builder_add_boolean_value (builder, follow->pending);
      json_builder_set_member_name (builder, "languages");
      json_builder_begin_array (builder);
      for (guint j = 0; follow->languages && j < follow->languages->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (follow->languages, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  g_ptr_array_set_size (actors, 0);
  for (guint i = 0; i < me->followers->len; i++)
    {
      FsFollow *follow = g_ptr_array_index (me->followers, i);

      if (!follow->pending)
        g_ptr_array_add (actors, follow->from);
    }
  add_handles (builder, "followers", actors);
  g_ptr_array_set_size (actors, 0);
  for (guint i = 0; i < me->followers->len; i++)
    {
      FsFollow *follow = g_ptr_array_index (me->followers, i);

      if (follow->pending)
        g_ptr_array_add (actors, follow->from);
    }
  add_handles (builder, "follow_requests", actors);
  g_ptr_array_set_size (actors, 0);
  for (guint i = 0; i < me->blocks->len; i++)
    g_ptr_array_add (actors, ((FsRow *) g_ptr_array_index (me->blocks, i))->target);
  add_handles (builder, "blocks", actors);

  json_builder_set_member_name (builder, "mutes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->mutes->len; i++)
    {
      FsMute *mute = g_ptr_array_index (me->mutes, i);
      g_autofree char *handle = fs_actor_handle (mute->target);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "acct");
      json_builder_add_string_value (builder, handle);
      json_builder_set_member_name (builder, "notifications");
      json_builder_add_boolean_value (builder, mute->notifications);
      add_count (builder, "expires_at", mute->expires_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "domain_blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->domain_blocks->len; i++)
    json_builder_add_string_value (builder, ((FsRow *) g_ptr_array_index (me->domain_blocks, i))->text);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "lists");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->lists->len; i++)
    {
      FsList *list = g_ptr_array_index (me->lists, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, list->title);
      json_builder_set_member_name (builder, "replies_policy");
      json_builder_add_string_value (builder, list->replies_policy);
      json_builder_set_member_name (builder, "exclusive");
      json_builder_add_boolean_value (builder, list->exclusive);
      add_handles (builder, "members", list->members);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "bookmarks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < me->bookmarks->len; i++)
    json_builder_add_string_value (builder, ((FsRow *) g_ptr_array_index (me->bookmarks, i))->status->uri);
  json_builder_end_array (builder);

  add_count (builder, "favourites", me->favourites->len);
  add_count (builder, "followed_tags", me->followed_tags->len);
  add_count (builder, "featured_tags", me->featured_tags->len);
  add_count (builder, "filters", me->filters->len);
  add_count (builder, "notes", g_hash_table_size (me->notes));
  add_count (builder, "endorsements", me->endorsements->len);
  add_count (builder, "statuses", me->statuses->len);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * fedisim_server_describe_requests:
 *
 * Returns: (transfer full): "ROUTE\tCOUNT\n" for every route asked since the last reset
 */
char *
fedisim_server_describe_requests (FedisimServer *server)
{
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, server->request_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (out, "%s\t%u\n", (const char *) key, GPOINTER_TO_UINT (value));
  return g_string_free (out, FALSE);
}

/* A user's display name and note, as the person typed them: any text, escapes too. NULL leaves
 * one as it is.
 * gotosocial internal/validate/formvalidation.go: DisplayName() and Note() check nothing ("TODO:
 * add some validation logic here -- length, characters, etc"), so control characters are kept.
 * assumed: the other flavours keep them too; a hostile server sends what it likes anyway. */
void
fedisim_server_set_profile (FedisimServer *server,
                            const char    *username,
                            const char    *display_name,
                            const char    *note)
{
  FsActor *user = fs_server_find_local (server, username);

  g_return_if_fail (user != NULL);

  if (display_name != NULL)
    {
      g_free (user->display_name);
      user->display_name = g_strdup (display_name);
    }
  if (note != NULL)
    {
      g_free (user->note);
      user->note = g_strdup (note);
    }
}
