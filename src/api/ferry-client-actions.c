/* ferry-client-actions.c: typed calls that change an account, each one request, its answer
 * parsed into the model the route returns
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routes and parameters: mastodon config/routes/api.rb, accounts_controller.rb (follow:
 * reblogs, notify, languages[]; mute: notifications, duration), accounts/notes_controller.rb
 * (comment), accounts/pins_controller.rb (endorse), lists_controller.rb (title,
 * replies_policy, exclusive), lists/accounts_controller.rb (account_ids[]),
 * domain_blocks_controller.rb (domain), statuses/bookmarks_controller.rb,
 * tags_controller.rb (follow), featured_tags_controller.rb (name); api-facts §3.6–§4.
 */

#define G_LOG_DOMAIN "ferry-client-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-client-actions.h"

typedef gpointer (*ParseFunc) (const char *host, JsonNode *node, GError **error);

/* Akkoma (and Pleroma before it) says some refusals as {"error": "…"} with HTTP 200: its
 * older MastodonAPIController answered `json(conn, %{error: message})` without a status
 * (pleroma lib/pleroma/web/mastodon_api/mastodon_api_controller.ex), as do the routes of
 * akkoma lib/pleroma/web/twitter_api/controllers/util_controller.ex; which of today's
 * Mastodon-API routes still do is assumed (api-facts §8). Such an answer is an error like
 * any other, FERRY_API_ERROR_INVALID with status 200 and the server's text as its field. */
static GError *
error_in_body (FerryClient *client,
               JsonNode    *node)
{
  JsonNode *member;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  member = json_object_get_member (json_node_get_object (node), "error");
  if (member == NULL)
    return NULL;
  text = JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING
           ? json_node_get_string (member) : "";
  return ferry_api_error_new_full (FERRY_API_ERROR_INVALID, 200, text, _("%s answered “%s”."),
                                   ferry_client_get_host (client), text);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  ParseFunc parse = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  gpointer model = NULL;

  if (node != NULL && (error = error_in_body (client, node)) != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (node != NULL && parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (node != NULL)
    model = parse (ferry_client_get_host (client), node, &error);
  if (model == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, model, g_object_unref);
}

/* Sends one call; @parse (nullable: any answer is success) makes its model. */
static void
act (FerryClient         *self,
     gpointer             source_tag,
     const char          *method,
     const char          *path,
     FerryParams         *params,
     ParseFunc            parse,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, parse, NULL);
  ferry_client_call_async (self, method, path, params, cancellable, parsed_cb, task);
}

/* "/api/vN/@collection/@id/@action", the id escaped: the one way a call names one thing. */
static char *
item_path (const char *collection,
           const char *id,
           const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat (collection, "/", escaped, "/", action, NULL);
}

static char *
account_path (const char *id,
              const char *action)
{
  return item_path ("/api/v1/accounts", id, action);
}

#define RELATIONSHIP ((ParseFunc) ferry_relationship_new_from_json)

/**
 * ferry_client_follow_async:
 * @options: (nullable): %NULL: the server's defaults (boosts shown, no notifications)
 *
 * Follows the account, or changes an existing follow's options (POST …/follow). Mastodon
 * counts it against 400 follows a day (api-facts §3.6); a moved account answers 403.
 * Finished with ferry_client_account_action_finish().
 */
void
ferry_client_follow_async (FerryClient              *self,
                           const char               *account_id,
                           const FerryFollowOptions *options,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (account_id != NULL);

  if (options != NULL)
    {
      ferry_params_add_bool (params, "reblogs", options->reblogs);
      ferry_params_add_bool (params, "notify", options->notify);
      for (guint i = 0; options->languages != NULL && options->languages[i] != NULL; i++)
        if (options->languages[i][0] != '\0')
          ferry_params_add (params, "languages[]", options->languages[i]);
    }
  path = account_path (account_id, "follow");
  act (self, ferry_client_follow_async, "POST", path, params, RELATIONSHIP, cancellable,
       callback, user_data);
}

/* Finished with ferry_client_account_action_finish(). */
void
ferry_client_unfollow_async (FerryClient         *self,
                             const char          *account_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (account_id != NULL);

  path = account_path (account_id, "unfollow");
  act (self, ferry_client_unfollow_async, "POST", path, NULL, RELATIONSHIP, cancellable,
       callback, user_data);
}

/* Finished with ferry_client_account_action_finish(). */
void
ferry_client_block_async (FerryClient         *self,
                          const char          *account_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (account_id != NULL);

  path = account_path (account_id, "block");
  act (self, ferry_client_block_async, "POST", path, NULL, RELATIONSHIP, cancellable, callback,
       user_data);
}

/**
 * ferry_client_mute_async:
 * @notifications: hide the account's notifications too
 * @duration: seconds until the mute ends; 0: never
 *
 * Finished with ferry_client_account_action_finish().
 */
void
ferry_client_mute_async (FerryClient         *self,
                         const char          *account_id,
                         gboolean             notifications,
                         gint64               duration,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (duration >= 0);

  ferry_params_add_bool (params, "notifications", notifications);
  if (duration > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, duration);

      ferry_params_add (params, "duration", seconds);
    }
  path = account_path (account_id, "mute");
  act (self, ferry_client_mute_async, "POST", path, params, RELATIONSHIP, cancellable, callback,
       user_data);
}

/**
 * ferry_client_set_note_async:
 * @comment: the private note (at most 2,000 characters on Mastodon); "" clears it
 *
 * Finished with ferry_client_account_action_finish().
 */
void
ferry_client_set_note_async (FerryClient         *self,
                             const char          *account_id,
                             const char          *comment,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (account_id != NULL && comment != NULL);

  ferry_params_add (params, "comment", comment);
  path = account_path (account_id, "note");
  act (self, ferry_client_set_note_async, "POST", path, params, RELATIONSHIP, cancellable,
       callback, user_data);
}

/* Features the account on the profile (it must be followed first: account_pin.rb).
 * Finished with ferry_client_account_action_finish(). */
void
ferry_client_endorse_async (FerryClient         *self,
                            const char          *account_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (account_id != NULL);

  path = account_path (account_id, "endorse");
  act (self, ferry_client_endorse_async, "POST", path, NULL, RELATIONSHIP, cancellable, callback,
       user_data);
}

/* Returns: (transfer full): how the account stands to the other now, or %NULL with @error */
FerryRelationship *
ferry_client_account_action_finish (FerryClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_client_create_list_async:
 * @replies_policy: (nullable): followed, list or none; %NULL: the server's default
 * @exclusive: posts in the list stay out of the home timeline (4.2+)
 */
void
ferry_client_create_list_async (FerryClient         *self,
                                const char          *title,
                                const char          *replies_policy,
                                gboolean             exclusive,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (title != NULL);

  ferry_params_add (params, "title", title);
  if (replies_policy != NULL)
    ferry_params_add (params, "replies_policy", replies_policy);
  ferry_params_add_bool (params, "exclusive", exclusive);
  act (self, ferry_client_create_list_async, "POST", "/api/v1/lists", params,
       (ParseFunc) ferry_list_new_from_json, cancellable, callback, user_data);
}

/* Returns: (transfer full): the new list, or %NULL with @error */
FerryList *
ferry_client_create_list_finish (FerryClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Adds followed accounts to a list (each must be followed, or requested: list_account.rb).
 * Finished with ferry_client_action_finish(). */
void
ferry_client_add_to_list_async (FerryClient         *self,
                                const char          *list_id,
                                const char * const  *account_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (list_id != NULL && account_ids != NULL);

  for (guint i = 0; account_ids[i] != NULL; i++)
    ferry_params_add (params, "account_ids[]", account_ids[i]);
  path = item_path ("/api/v1/lists", list_id, "accounts");
  act (self, ferry_client_add_to_list_async, "POST", path, params, NULL, cancellable, callback,
       user_data);
}

/* Finished with ferry_client_action_finish(). */
void
ferry_client_block_domain_async (FerryClient         *self,
                                 const char          *domain,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (domain != NULL);

  ferry_params_add (params, "domain", domain);
  act (self, ferry_client_block_domain_async, "POST", "/api/v1/domain_blocks", params, NULL,
       cancellable, callback, user_data);
}

/* Finished with ferry_client_action_finish(). */
void
ferry_client_unblock_domain_async (FerryClient         *self,
                                   const char          *domain,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (domain != NULL);

  ferry_params_add (params, "domain", domain);
  act (self, ferry_client_unblock_domain_async, "DELETE", "/api/v1/domain_blocks", params, NULL,
       cancellable, callback, user_data);
}

gboolean
ferry_client_action_finish (FerryClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Bookmarks a post by its id on this server (search for it first: api-facts §4). */
void
ferry_client_bookmark_async (FerryClient         *self,
                             const char          *status_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (status_id != NULL);

  path = item_path ("/api/v1/statuses", status_id, "bookmark");
  act (self, ferry_client_bookmark_async, "POST", path, NULL,
       (ParseFunc) ferry_status_new_from_json, cancellable, callback, user_data);
}

/* Returns: (transfer full): the post, bookmarked, or %NULL with @error */
FerryStatus *
ferry_client_bookmark_finish (FerryClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Follows a hashtag (4.0+). Finished with ferry_client_tag_action_finish(). */
void
ferry_client_follow_tag_async (FerryClient         *self,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (name != NULL);

  path = item_path ("/api/v1/tags", name, "follow");
  act (self, ferry_client_follow_tag_async, "POST", path, NULL,
       (ParseFunc) ferry_tag_new_from_json, cancellable, callback, user_data);
}

/* Features a hashtag on the profile (at most 10 on Mastodon). Finished with
 * ferry_client_tag_action_finish(). */
void
ferry_client_feature_tag_async (FerryClient         *self,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (name != NULL);

  ferry_params_add (params, "name", name);
  act (self, ferry_client_feature_tag_async, "POST", "/api/v1/featured_tags", params,
       (ParseFunc) ferry_tag_new_from_json, cancellable, callback, user_data);
}

/* Returns: (transfer full): the hashtag, or %NULL with @error */
FerryTag *
ferry_client_tag_action_finish (FerryClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_client_create_filter_async:
 * @context: where it applies (home, notifications, public, thread, account)
 * @action: (nullable): warn, hide (or blur, 4.4+); %NULL: warn
 * @expires_in: seconds until it ends; 0: never
 * @keywords: (array length=n_keywords): what it matches
 *
 * POST /api/v2/filters (4.0+; v2/filters_controller.rb, api-facts §4).
 */
void
ferry_client_create_filter_async (FerryClient              *self,
                                  const char               *title,
                                  const char * const       *context,
                                  const char               *action,
                                  gint64                    expires_in,
                                  const FerryFilterKeyword *keywords,
                                  guint                     n_keywords,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (n_keywords == 0 || keywords != NULL);

  ferry_params_add (params, "title", title);
  for (guint i = 0; context != NULL && context[i] != NULL; i++)
    ferry_params_add (params, "context[]", context[i]);
  ferry_params_add (params, "filter_action", action ? action : "warn");
  if (expires_in > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, expires_in);

      ferry_params_add (params, "expires_in", seconds);
    }
  for (guint i = 0; i < n_keywords; i++)
    {
      ferry_params_add (params, "keywords_attributes[][keyword]", keywords[i].keyword);
      ferry_params_add_bool (params, "keywords_attributes[][whole_word]", keywords[i].whole_word);
    }
  act (self, ferry_client_create_filter_async, "POST", "/api/v2/filters", params,
       (ParseFunc) ferry_filter_new_from_json, cancellable, callback, user_data);
}

/* Returns: (transfer full): the new filter, or %NULL with @error */
FerryFilter *
ferry_client_create_filter_finish (FerryClient   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Adds a post (by its id here) to a filter: POST /api/v2/filters/:id/statuses. Finished
 * with ferry_client_action_finish(). */
void
ferry_client_add_filter_status_async (FerryClient         *self,
                                      const char          *filter_id,
                                      const char          *status_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (filter_id != NULL && status_id != NULL);

  ferry_params_add (params, "status_id", status_id);
  path = item_path ("/api/v2/filters", filter_id, "statuses");
  act (self, ferry_client_add_filter_status_async, "POST", path, params, NULL, cancellable,
       callback, user_data);
}

/**
 * ferry_client_update_credentials_async:
 * @form: the fields to change (display_name, note, fields_attributes[n][…], flags,
 *   source[…], avatar, header …: api-facts §3.2)
 *
 * PATCH /api/v1/accounts/update_credentials (mastodon
 * app/controllers/api/v1/accounts/credentials_controller.rb). What is not in @form stays.
 */
void
ferry_client_update_credentials_async (FerryClient         *self,
                                       FerryParams         *form,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (form != NULL);

  act (self, ferry_client_update_credentials_async, "PATCH",
       "/api/v1/accounts/update_credentials", form, (ParseFunc) ferry_account_new_from_json,
       cancellable, callback, user_data);
}

/* Returns: (transfer full): the account as it is now, or %NULL with @error */
FerryAccount *
ferry_client_update_credentials_finish (FerryClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_client_import_async:
 * @type: what the file holds (following, blocks, mutes, domain_blocks, lists …)
 * @merge: add to what is there (%FALSE: replace it)
 * @csv: the file, in Mastodon's CSV
 *
 * GoToSocial's import (api-facts §8; gotosocial internal/api/client/importdata): the work
 * happens later, on the server. Finished with ferry_client_action_finish().
 */
void
ferry_client_import_async (FerryClient         *self,
                           const char          *type,
                           gboolean             merge,
                           GBytes              *csv,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (type != NULL && csv != NULL);

  ferry_params_add (params, "type", type);
  ferry_params_add (params, "mode", merge ? "merge" : "overwrite");
  ferry_params_add_file (params, "data", "import.csv", "text/csv", csv);
  act (self, ferry_client_import_async, "POST", "/api/v1/import", params, NULL, cancellable,
       callback, user_data);
}
