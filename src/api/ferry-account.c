/* ferry-account.c: an account as the server describes it (the REST Account entity)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-account"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-account.h"
#include "ferry-api-error.h"

struct _FerryAccount
{
  GObject      parent_instance;

  FerryHandle *handle;
  char        *id;
  char        *display_name;
  char        *avatar_url;
  char        *url;
  char        *uri;
  gint64       followers;
  gint64       following;
  gint64       statuses;
  gboolean     locked;
  gboolean     bot;
  gboolean     limited;
  gboolean     suspended;
  char        *moved_to;     /* "@user@host" of the account it moved to */
};

G_DEFINE_FINAL_TYPE (FerryAccount, ferry_account, G_TYPE_OBJECT)

static void
ferry_account_finalize (GObject *object)
{
  FerryAccount *self = FERRY_ACCOUNT (object);

  ferry_handle_free (self->handle);
  g_free (self->id);
  g_free (self->display_name);
  g_free (self->avatar_url);
  g_free (self->url);
  g_free (self->uri);
  g_free (self->moved_to);

  G_OBJECT_CLASS (ferry_account_parent_class)->finalize (object);
}

static void
ferry_account_class_init (FerryAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_account_finalize;
}

static void
ferry_account_init (FerryAccount *self)
{
}

static char *
dup_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gint64
get_int (JsonObject *object,
         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return MAX (json_node_get_int (node), 0);
}

static gboolean
get_bool (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* "user" on its own server, "user@other" elsewhere. */
static FerryHandle *
handle_from_acct (const char *acct,
                  const char *host)
{
  g_autofree char *full = strchr (acct, '@') ? g_strdup (acct) : g_strdup_printf ("%s@%s", acct, host);

  return ferry_handle_parse (full, FERRY_HANDLE_PARSE_DEFAULT, NULL);
}

/**
 * ferry_account_new_from_json:
 * @host: the server that sent it (local accounts' acct has no host)
 *
 * Returns: (transfer full): the account, or %NULL with @error when @node is not one
 */
FerryAccount *
ferry_account_new_from_json (const char  *host,
                             JsonNode    *node,
                             GError     **error)
{
  g_autoptr(FerryAccount) self = NULL;
  g_autofree char *acct = NULL;
  JsonObject *object;
  JsonNode *moved;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  acct = dup_string (object, "acct");
  self = g_object_new (FERRY_TYPE_ACCOUNT, NULL);
  self->id = dup_string (object, "id");
  if (acct == NULL || self->id == NULL || (self->handle = handle_from_acct (acct, host)) == NULL)
    goto bad;

  self->display_name = dup_string (object, "display_name");
  if (self->display_name == NULL || self->display_name[0] == '\0')
    {
      g_free (self->display_name);
      self->display_name = g_strdup (self->handle->username);
    }
  self->avatar_url = dup_string (object, "avatar_static");
  if (self->avatar_url == NULL)
    self->avatar_url = dup_string (object, "avatar");
  self->url = dup_string (object, "url");
  self->uri = dup_string (object, "uri");
  self->followers = get_int (object, "followers_count");
  self->following = get_int (object, "following_count");
  self->statuses = get_int (object, "statuses_count");
  self->locked = get_bool (object, "locked");
  self->bot = get_bool (object, "bot");
  self->limited = get_bool (object, "limited");
  self->suspended = get_bool (object, "suspended");

  moved = json_object_get_member (object, "moved");
  if (moved != NULL && JSON_NODE_HOLDS_OBJECT (moved))
    {
      g_autofree char *moved_acct = dup_string (json_node_get_object (moved), "acct");
      g_autoptr(FerryHandle) moved_handle = moved_acct ? handle_from_acct (moved_acct, host) : NULL;

      if (moved_handle != NULL)
        self->moved_to = ferry_handle_to_display (moved_handle);
    }
  return g_steal_pointer (&self);

bad:
  g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
               _("%s described an account in a way Ferry does not understand."), host);
  return NULL;
}

const FerryHandle *
ferry_account_get_handle (FerryAccount *self)
{
  return self->handle;
}

const char *
ferry_account_get_id (FerryAccount *self)
{
  return self->id;
}

const char *
ferry_account_get_display_name (FerryAccount *self)
{
  return self->display_name;
}

const char *
ferry_account_get_avatar_url (FerryAccount *self)
{
  return self->avatar_url;
}

const char *
ferry_account_get_url (FerryAccount *self)
{
  return self->url;
}

const char *
ferry_account_get_uri (FerryAccount *self)
{
  return self->uri;
}

gint64
ferry_account_get_followers (FerryAccount *self)
{
  return self->followers;
}

gint64
ferry_account_get_following (FerryAccount *self)
{
  return self->following;
}

gint64
ferry_account_get_statuses (FerryAccount *self)
{
  return self->statuses;
}

gboolean
ferry_account_get_locked (FerryAccount *self)
{
  return self->locked;
}

gboolean
ferry_account_get_bot (FerryAccount *self)
{
  return self->bot;
}

gboolean
ferry_account_get_limited (FerryAccount *self)
{
  return self->limited;
}

gboolean
ferry_account_get_suspended (FerryAccount *self)
{
  return self->suspended;
}

/* Returns: (nullable): "@user@host" of the account this one moved to */
const char *
ferry_account_get_moved_to (FerryAccount *self)
{
  return self->moved_to;
}
