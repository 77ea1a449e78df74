/* ferry-client-community.c: typed calls for a community's move
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call goes through FerryClient (the origin rule, deadlines, body caps, the budget), and
 * each answer is parsed here, once, into FerryCommunityAccount: core sees no JSON. Which
 * server is asked is the caller's: each account on its own (community-facts §0.1).
 */

#define G_LOG_DOMAIN "ferry-client-community"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-actor.h"
#include "ferry-client-community.h"
#include "ferry-client-search.h"
#include "ferry-handle.h"
#include "ferry-model-private.h"

#define PATH_LOOKUP          "/api/v1/accounts/lookup"
#define PATH_DIRECTORY       "/api/v1/directory"
#define PATH_ADMIN_V2        "/api/v2/admin/accounts"
#define PATH_ADMIN_V1        "/api/v1/admin/accounts"
#define PATH_ADMIN_AKKOMA    "/api/v1/pleroma/admin/users"
#define PATH_ACCOUNTS        "/api/v1/accounts/"
#define PATH_FOLLOWERS       "/followers"
#define PATH_LISTS           "/api/v1/lists/"
#define PATH_LIST_MEMBERS    "/accounts"

/* The most accounts a listing takes (community-facts: up to 5,000 members; room for more). */
#define MAX_LISTED 50000

void
ferry_community_account_free (FerryCommunityAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->id);
  g_free (account->address);
  g_free (account->display_name);
  g_free (account->uri);
  g_free (account->last_status_at);
  g_free (account->moved_to);
  g_free (account);
}

FerryCommunityAccount *
ferry_community_account_copy (const FerryCommunityAccount *account)
{
  FerryCommunityAccount *copy;

  if (account == NULL)
    return NULL;
  copy = g_memdup2 (account, sizeof *account);
  copy->id = g_strdup (account->id);
  copy->address = g_strdup (account->address);
  copy->display_name = g_strdup (account->display_name);
  copy->uri = g_strdup (account->uri);
  copy->last_status_at = g_strdup (account->last_status_at);
  copy->moved_to = g_strdup (account->moved_to);
  return copy;
}

/* A count, -1 when the server does not show it (hidden, or not a number). */
static gint64
count_or_unknown (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return MAX (json_node_get_int (node), -1);
}

static char *
address_for (const char *acct,
             const char *host)
{
  g_autofree char *full = NULL;
  g_autoptr(FerryHandle) handle = NULL;

  if (acct == NULL || acct[0] == '\0')
    return NULL;
  if (acct[0] == '@')
    acct++;
  full = strchr (acct, '@') ? g_strdup (acct) : g_strdup_printf ("%s@%s", acct, host);
  handle = ferry_handle_parse (full, FERRY_HANDLE_PARSE_DEFAULT, NULL);
  return handle ? ferry_handle_to_key (handle) : NULL;
}

/* "YYYY-MM-DD" from a date or a date-time (Mastodon sends a date, mastodon:
 * app/serializers/rest/account_serializer.rb last_status_at&.to_date&.iso8601; others a time). */
static char *
day_of (const char *value)
{
  if (value == NULL || strlen (value) < 10 || value[4] != '-' || value[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
      return NULL;
  return g_strndup (value, 10);
}

/**
 * ferry_community_account_new_from_json:
 * @host: the server that sent it (a local account's acct has no host)
 *
 * Returns: (transfer full) (nullable): the account, or %NULL when @node is not one
 */
FerryCommunityAccount *
ferry_community_account_new_from_json (const char *host,
                                       JsonNode   *node)
{
  g_autoptr(FerryCommunityAccount) account = NULL;
  JsonObject *object;
  JsonObject *moved;
  const char *acct;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  acct = ferry_model_string (object, "acct");
  if (acct == NULL)
    acct = ferry_model_string (object, "username");
  account = g_new0 (FerryCommunityAccount, 1);
  account->address = address_for (acct, host);
  account->id = ferry_model_dup_string (object, "id");
  if (account->address == NULL || account->id == NULL)
    return NULL;
  account->display_name = ferry_model_dup_string (object, "display_name");
  account->uri = ferry_model_dup_string (object, "uri");
  account->followers = count_or_unknown (object, "followers_count");
  account->following = count_or_unknown (object, "following_count");
  account->statuses = count_or_unknown (object, "statuses_count");
  account->last_status_at = day_of (ferry_model_string (object, "last_status_at"));
  /* mastodon: app/serializers/rest/account_serializer.rb: moved (an Account), suspended and
   * limited only present when true; gotosocial: internal/api/model/account.go, the same. */
  moved = ferry_model_object (object, "moved");
  if (moved != NULL)
    account->moved_to = address_for (ferry_model_string (moved, "acct"), host);
  account->suspended = ferry_model_bool (object, "suspended", FALSE);
  account->limited = ferry_model_bool (object, "limited", FALSE);
  account->discoverable = ferry_model_bool (object, "discoverable", FALSE);
  return g_steal_pointer (&account);
}

static gboolean
is_gone (const GError *error)
{
  guint status = ferry_api_error_get_http_status (error);

  return g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
         (status == 404 || status == 410);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  FerryCommunityAccount *account;

  if (node == NULL && is_gone (error))
    {
      account = g_new0 (FerryCommunityAccount, 1);
      account->gone = TRUE;
      account->followers = account->following = account->statuses = -1;
      g_task_return_pointer (task, account, (GDestroyNotify) ferry_community_account_free);
      return;
    }
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  account = ferry_community_account_new_from_json (ferry_client_get_host (client), node);
  if (account == NULL)
    g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                             _("%s gave an answer Ferry does not understand."),
                             ferry_client_get_host (client));
  else
    g_task_return_pointer (task, account, (GDestroyNotify) ferry_community_account_free);
}

/**
 * ferry_client_community_lookup_async:
 * @acct: "user" for an account of this server (how each member is asked on their own)
 *
 * mastodon: app/controllers/api/v1/accounts/lookup_controller.rb (no WebFinger, works without
 * a token); gotosocial: internal/api/client/accounts/lookup.go (needs a token).
 */
void
ferry_client_community_lookup_async (FerryClient         *self,
                                     const char          *acct,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(FerryParams) params = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (acct != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_community_lookup_async);
  params = ferry_params_new ();
  ferry_params_add (params, "acct", acct);
  ferry_client_call_async (self, "GET", PATH_LOOKUP, params, cancellable, lookup_cb, task);
}

/* Returns: (transfer full): the account (gone set for 404/410), or %NULL with @error */
FerryCommunityAccount *
ferry_client_community_lookup_finish (FerryClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_community_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
aliases_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryActor) actor =
    ferry_client_get_actor_finish (FERRY_CLIENT (object), result, &error);
  const char * const *aka;

  if (actor == NULL)
    {
      if (is_gone (error))
        g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  aka = ferry_actor_get_also_known_as (actor);
  g_task_return_pointer (task, aka ? g_strdupv ((char **) aka) : g_new0 (char *, 1),
                         (GDestroyNotify) g_strfreev);
}

/**
 * ferry_client_community_aliases_async:
 * @actor_uri: the actor's id, on this client's server (the token never goes elsewhere: the
 *   client refuses another origin for API calls, and sends none with documents)
 *
 * mastodon: app/serializers/activitypub/actor_serializer.rb (alsoKnownAs); asked with
 * Accept: application/activity+json (ferry_client_get_actor_async()).
 */
void
ferry_client_community_aliases_async (FerryClient         *self,
                                      const char          *actor_uri,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (actor_uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_community_aliases_async);
  ferry_client_get_actor_async (self, actor_uri, cancellable, aliases_cb, task);
}

/* Returns: (transfer full): the aliases (maybe none), or %NULL with @error (and @gone). */
GStrv
ferry_client_community_aliases_finish (FerryClient   *self,
                                       GAsyncResult  *result,
                                       gboolean      *gone,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_client_community_aliases_async, NULL);

  if (gone != NULL)
    *gone = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Listings: accounts parsed from a JSON array; an Admin::Account carries its REST account in
 * "account" (mastodon: app/serializers/rest/admin/account_serializer.rb). */
static GPtrArray *
accounts_from_array (const char *host,
                     JsonArray  *array,
                     gboolean    admin)
{
  GPtrArray *accounts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                        ferry_community_account_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      FerryCommunityAccount *account = NULL;

      if (object == NULL)
        continue;
      if (admin)
        {
          JsonNode *inner = json_object_get_member (object, "account");

          /* mastodon: app/models/account_filter.rb: status=active is "not suspended";
           * disabled logins and moved accounts are members still. */
          if (ferry_model_bool (object, "suspended", FALSE))
            continue;
          if (inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
            account = ferry_community_account_new_from_json (host, inner);
          if (account == NULL)
            account = ferry_community_account_new_from_json (host, node);
        }
      else
        account = ferry_community_account_new_from_json (host, node);
      if (account != NULL)
        g_ptr_array_add (accounts, account);
    }
  return accounts;
}

typedef struct
{
  GPtrArray  *accounts;
  guint       max;
  guint       page;     /* offset (directory) or page number (Akkoma) */
  GHashTable *seen;     /* ids, for the directory: a page of nothing new ends it */
} Paging;

static void
paging_free (Paging *paging)
{
  g_clear_pointer (&paging->accounts, g_ptr_array_unref);
  g_clear_pointer (&paging->seen, g_hash_table_unref);
  g_free (paging);
}

static void directory_page (GTask *task);

static void
directory_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  Paging *paging = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  g_autoptr(GPtrArray) page = NULL;
  guint n, fresh;

  if (node == NULL)
    {
      /* mastodon: directories_controller.rb, 404 when Setting.profile_directory is off;
       * gotosocial has no such route (community-facts §1.1). */
      if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
        g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED,
                                 _("%s has no profile directory."),
                                 ferry_client_get_host (client));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                               _("%s gave an answer Ferry does not understand."),
                               ferry_client_get_host (client));
      return;
    }
  n = json_array_get_length (json_node_get_array (node));
  page = accounts_from_array (ferry_client_get_host (client), json_node_get_array (node), FALSE);
  fresh = 0;
  for (guint i = 0; i < page->len; i++)
    {
      FerryCommunityAccount *account = page->pdata[i];

      if (!g_hash_table_add (paging->seen, g_strdup (account->id)))
        continue;
      g_ptr_array_add (paging->accounts, ferry_community_account_copy (account));
      fresh++;
    }
  paging->page += n;
  /* The end: an empty page, or one of nothing new (a server that ignores offset). Not a
   * short page: a server may cap the limit lower than asked (assumed: Akkoma's cap; its
   * parameters are not confirmed, community-facts §1.1). */
  if (n == 0 || fresh == 0 || paging->accounts->len >= paging->max)
    {
      g_task_return_pointer (task, g_steal_pointer (&paging->accounts),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  directory_page (g_steal_pointer (&task));
}

static void
directory_page (GTask *task)
{
  Paging *paging = g_task_get_task_data (task);
  FerryClient *client = g_task_get_source_object (task);
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *offset = g_strdup_printf ("%u", paging->page);
  g_autofree char *limit = g_strdup_printf ("%u", FERRY_DIRECTORY_PAGE);

  /* mastodon: app/controllers/api/v1/directories_controller.rb: local, order, offset, limit.
   * offset is not one of Rack::Attack's paging parameters (config/initializers/rack_attack.rb,
   * paging_request?): only the API throttle counts these pages. order=new (by creation) and
   * not active (by last post): a member who posts while the pages are read does not jump from
   * a later page to one already read. */
  ferry_params_add (params, "local", "true");
  ferry_params_add (params, "order", "new");
  ferry_params_add (params, "offset", offset);
  ferry_params_add (params, "limit", limit);
  ferry_client_call_async (client, "GET", PATH_DIRECTORY, params, g_task_get_cancellable (task),
                           directory_cb, task);
}

void
ferry_client_community_directory_async (FerryClient         *self,
                                        guint                max_accounts,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;
  Paging *paging;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_community_directory_async);
  paging = g_new0 (Paging, 1);
  paging->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                     ferry_community_account_free);
  paging->max = max_accounts ? max_accounts : MAX_LISTED;
  paging->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, paging, (GDestroyNotify) paging_free);
  directory_page (task);
}

/* Returns: (transfer full) (element-type FerryCommunityAccount) */
GPtrArray *
ferry_client_community_directory_finish (FerryClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The admin path refused: why, in plain words, from what the server said. mastodon:
 * app/controllers/api/base_controller.rb answers a missing scope with 403 "This action is
 * outside the authorized scopes" (Doorkeeper), a role without Manage Users with 403 "This
 * action is not allowed" (app/policies/account_policy.rb index?); gotosocial:
 * internal/api/client/admin/accountsgetv1.go 403 for non-admins; akkoma: admin_api.md "the user
 * must be an admin". */
static GError *
admin_refused (FerryClient  *client,
               const GError *error)
{
  const char *said = ferry_api_error_get_server_text (error);
  guint status = ferry_api_error_get_http_status (error);
  const char *host = ferry_client_get_host (client);

  if (said != NULL && strstr (said, "scope") != NULL)
    return ferry_api_error_new_full (FERRY_API_ERROR_FORBIDDEN, status, said,
                                     _("The sign-in on %s does not include reading the "
                                       "server's accounts (admin:read:accounts): sign in "
                                       "again with the admin option."), host);
  if (status == 401)
    return ferry_api_error_new_full (FERRY_API_ERROR_AUTH, status, said,
                                     _("%s wants a sign-in for its list of accounts."), host);
  return ferry_api_error_new_full (FERRY_API_ERROR_FORBIDDEN, status, said,
                                   _("Your account on %s may not read the server's list of "
                                     "accounts: that needs the Manage Users permission on "
                                     "Mastodon, or an admin account on GoToSocial and "
                                     "Akkoma."), host);
}

static void admin_try (GTask *task, FerryAdminFlavour flavour);

typedef struct
{
  FerryAdminFlavour flavour;
  Paging           *paging;
} AdminState;

static void
admin_state_free (AdminState *state)
{
  g_clear_pointer (&state->paging, paging_free);
  g_free (state);
}

static void
admin_list_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  AdminState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = ferry_client_list_finish (client, result, &error);

  if (items == NULL)
    {
      guint status = ferry_api_error_get_http_status (error);

      /* No v2 (before Mastodon 4.0): v1; no Mastodon admin API at all: Akkoma's. */
      if (status == 404 && state->flavour == FERRY_ADMIN_MASTODON_V2)
        {
          admin_try (g_steal_pointer (&task), FERRY_ADMIN_AKKOMA);
          return;
        }
      if (status == 401 || status == 403)
        g_task_return_error (task, admin_refused (client, error));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, accounts_from_array (ferry_client_get_host (client), items, TRUE),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void akkoma_page (GTask *task);

static void
akkoma_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  AdminState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  JsonObject *root;
  JsonArray *users;
  gint64 count;

  if (node == NULL)
    {
      guint status = ferry_api_error_get_http_status (error);

      if (status == 404 && state->paging->page == 1)
        {
          admin_try (g_steal_pointer (&task), FERRY_ADMIN_MASTODON_V1);
          return;
        }
      if (status == 401 || status == 403)
        g_task_return_error (task, admin_refused (client, error));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  users = ferry_model_array (root, "users");
  if (users == NULL)
    {
      g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                               _("%s gave an answer Ferry does not understand."),
                               ferry_client_get_host (client));
      return;
    }
  /* akkoma: docs/docs/development/API/admin_api.md: {count, page_size, users: [{id, nickname,
   * display_name, local, is_active (deactivated before), ...}]}. */
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonNode *user = json_array_get_element (users, i);
      JsonObject *fields = JSON_NODE_HOLDS_OBJECT (user) ? json_node_get_object (user) : NULL;
      FerryCommunityAccount *account;

      if (fields == NULL || ferry_model_bool (fields, "deactivated", FALSE) ||
          !ferry_model_bool (fields, "is_active", TRUE))
        continue;
      account = g_new0 (FerryCommunityAccount, 1);
      account->id = ferry_model_dup_string (fields, "id");
      account->address = address_for (ferry_model_string (fields, "nickname"),
                                      ferry_client_get_host (client));
      account->display_name = ferry_model_dup_string (fields, "display_name");
      account->followers = account->following = account->statuses = -1;
      if (account->id == NULL || account->address == NULL)
        {
          ferry_community_account_free (account);
          continue;
        }
      g_ptr_array_add (state->paging->accounts, account);
    }
  count = root ? count_or_unknown (root, "count") : -1;
  if (json_array_get_length (users) < FERRY_ADMIN_USERS_PAGE_AKKOMA ||
      (count >= 0 && (gint64) state->paging->page * FERRY_ADMIN_USERS_PAGE_AKKOMA >= count) ||
      state->paging->accounts->len >= MAX_LISTED)
    {
      g_task_return_pointer (task, g_steal_pointer (&state->paging->accounts),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  state->paging->page++;
  akkoma_page (g_steal_pointer (&task));
}

static void
akkoma_page (GTask *task)
{
  AdminState *state = g_task_get_task_data (task);
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *page = g_strdup_printf ("%u", state->paging->page);
  g_autofree char *size = g_strdup_printf ("%u", FERRY_ADMIN_USERS_PAGE_AKKOMA);

  ferry_params_add (params, "filters", "local,active");
  ferry_params_add (params, "page", page);
  ferry_params_add (params, "page_size", size);
  ferry_client_call_async (g_task_get_source_object (task), "GET", PATH_ADMIN_AKKOMA, params,
                           g_task_get_cancellable (task), akkoma_cb, task);
}

static void
admin_try (GTask             *task,
           FerryAdminFlavour  flavour)
{
  AdminState *state = g_task_get_task_data (task);
  FerryClient *client = g_task_get_source_object (task);
  g_autofree char *path = NULL;

  state->flavour = flavour;
  switch (flavour)
    {
    case FERRY_ADMIN_MASTODON_V2:
      /* mastodon: app/controllers/api/v2/admin/accounts_controller.rb: no defaults, so
       * origin=local&status=active explicitly. */
      path = g_strdup_printf ("%s?origin=local&status=active&limit=%u", PATH_ADMIN_V2,
                              FERRY_ADMIN_ACCOUNTS_PAGE);
      ferry_client_list_async (client, path, MAX_LISTED, g_task_get_cancellable (task),
                               admin_list_cb, task);
      break;
    case FERRY_ADMIN_MASTODON_V1:
      /* mastodon: app/controllers/api/v1/admin/accounts_controller.rb: local, active. */
      path = g_strdup_printf ("%s?local=true&active=true&limit=%u", PATH_ADMIN_V1,
                              FERRY_ADMIN_ACCOUNTS_PAGE);
      ferry_client_list_async (client, path, MAX_LISTED, g_task_get_cancellable (task),
                               admin_list_cb, task);
      break;
    case FERRY_ADMIN_AKKOMA:
    default:
      g_clear_pointer (&state->paging, paging_free);
      state->paging = g_new0 (Paging, 1);
      state->paging->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                ferry_community_account_free);
      state->paging->page = 1;
      akkoma_page (task);
      break;
    }
}

/**
 * ferry_client_community_admin_accounts_async:
 * @flavour: where to start: %FERRY_ADMIN_MASTODON_V2 tries v2, then Akkoma's, then v1, as
 *   the server answers 404
 *
 * Needs a token with admin:read:accounts and an account allowed to read it (community-facts
 * §1.2).
 */
void
ferry_client_community_admin_accounts_async (FerryClient         *self,
                                             FerryAdminFlavour    flavour,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_community_admin_accounts_async);
  g_task_set_task_data (task, g_new0 (AdminState, 1), (GDestroyNotify) admin_state_free);
  admin_try (task, flavour);
}

/* Returns: (transfer full) (element-type FerryCommunityAccount) */
GPtrArray *
ferry_client_community_admin_accounts_finish (FerryClient   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
listing_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = ferry_client_list_finish (client, result, &error);

  if (items == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, accounts_from_array (ferry_client_get_host (client), items,
                                                      FALSE),
                           (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
is_safe_id (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* Every page of a listing of accounts: a list's members (@list) or an account's followers,
 * @id (of this server) checked before it goes into the path. Takes @task. */
static void
listing_async (FerryClient *self,
               GTask       *task,
               gboolean     list,
               const char  *id,
               guint        limit)
{
  g_autofree char *with_limit = NULL;

  if (!is_safe_id (id))
    {
      if (list)
        g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_INVALID,
                                 _("That is not a list of %s."), ferry_client_get_host (self));
      else
        g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_INVALID,
                                 _("That is not an account of %s."),
                                 ferry_client_get_host (self));
      g_object_unref (task);
      return;
    }
  with_limit = g_strdup_printf ("%s%s%s?limit=%u", list ? PATH_LISTS : PATH_ACCOUNTS, id,
                                list ? PATH_LIST_MEMBERS : PATH_FOLLOWERS, limit);
  ferry_client_list_async (self, with_limit, MAX_LISTED, g_task_get_cancellable (task),
                           listing_cb, task);
}

/* mastodon: app/controllers/api/v1/accounts/follower_accounts_controller.rb (40, max 80,
 * Link paging; empty for others when hide_collections is set). */
void
ferry_client_community_followers_async (FerryClient         *self,
                                        const char          *account_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_community_followers_async);
  listing_async (self, task, FALSE, account_id, FERRY_FOLLOWERS_PAGE);
}

/* Returns: (transfer full) (element-type FerryCommunityAccount) */
GPtrArray *
ferry_client_community_followers_finish (FerryClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* mastodon: app/controllers/api/v1/lists/accounts_controller.rb, limit=0: every member,
 * unpaged; gotosocial: internal/api/client/lists/listaccounts.go, the same; akkoma: all. */
void
ferry_client_community_list_accounts_async (FerryClient         *self,
                                            const char          *list_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_client_community_list_accounts_async);
  listing_async (self, task, TRUE, list_id, 0);
}

/* Returns: (transfer full) (element-type FerryCommunityAccount) */
GPtrArray *
ferry_client_community_list_accounts_finish (FerryClient   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
