/* ferry-move-backend.h: what a move needs of one server, by server software
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-client.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

/**
 * FerryMoveRefusal:
 * @FERRY_MOVE_REFUSAL_OTHER: a refusal Ferry has no word for (the server's own words tell)
 * @FERRY_MOVE_REFUSAL_COOLDOWN: the account moved recently; no other move for a while
 * @FERRY_MOVE_REFUSAL_RATE_LIMITED: too many attempts; another one in a few minutes
 * @FERRY_MOVE_REFUSAL_NOT_AN_ALIAS: the target does not name the origin as an alias
 * @FERRY_MOVE_REFUSAL_WRONG_PASSWORD: the origin's password was not taken
 * @FERRY_MOVE_REFUSAL_TARGET_MOVED: the target has itself moved, or the origin already
 *   moved elsewhere
 * @FERRY_MOVE_REFUSAL_NOT_FOUND: the server could not find the other account
 *
 * What a server's refusal of an alias or a move means, decided by each family's backend
 * from the answer's status and the server's own text (ferry_api_error_get_server_text()).
 */
typedef enum
{
  FERRY_MOVE_REFUSAL_OTHER,
  FERRY_MOVE_REFUSAL_COOLDOWN,
  FERRY_MOVE_REFUSAL_RATE_LIMITED,
  FERRY_MOVE_REFUSAL_NOT_AN_ALIAS,
  FERRY_MOVE_REFUSAL_WRONG_PASSWORD,
  FERRY_MOVE_REFUSAL_TARGET_MOVED,
  FERRY_MOVE_REFUSAL_NOT_FOUND,
} FerryMoveRefusal;

/**
 * FerryMoveWebPage:
 *
 * The steps a server may offer only as a web form.
 */
typedef enum
{
  FERRY_MOVE_WEB_PAGE_ALIAS,      /* on the target: name the origin as an alias */
  FERRY_MOVE_WEB_PAGE_MOVE,       /* on the origin: move to the target */
  FERRY_MOVE_WEB_PAGE_REDIRECT,   /* on an account that moved: cancel its redirect */
} FerryMoveWebPage;

/**
 * FerryMoveWay:
 * @FERRY_MOVE_WAY_NONE: Ferry knows no way to move an account there
 * @FERRY_MOVE_WAY_API: alias and move through the server's API
 * @FERRY_MOVE_WAY_WEB_PAGES: on the server's own settings pages (Mastodon)
 * @FERRY_MOVE_WAY_WEB_APP: in the server's own web app (Misskey)
 *
 * How a family moves accounts: a property of the family (its class), not of one server.
 */
typedef enum
{
  FERRY_MOVE_WAY_NONE,
  FERRY_MOVE_WAY_API,
  FERRY_MOVE_WAY_WEB_PAGES,
  FERRY_MOVE_WAY_WEB_APP,
} FerryMoveWay;

/**
 * FerryMoveIncoming:
 * @FERRY_MOVE_INCOMING_FOLLOWS: local followers follow the target of a Move
 * @FERRY_MOVE_INCOMING_IF_ALLOWED: only followers who allowed it (Akkoma and Pleroma:
 *   allow_following_move, api-facts §8)
 *
 * What the family's servers do with a Move for their local followers (servers that
 * ignore Move: ferry_server_info_honours_move()).
 */
typedef enum
{
  FERRY_MOVE_INCOMING_FOLLOWS,
  FERRY_MOVE_INCOMING_IF_ALLOWED,
} FerryMoveIncoming;

/**
 * FerryMovedReads:
 *
 * What the server still lets a moved account's token read (for a backup).
 */
typedef enum
{
  FERRY_MOVED_READS_UNKNOWN,
  FERRY_MOVED_READS_REFUSED,   /* Mastodon: require_user! answers 403 (api-facts §0.2) */
  FERRY_MOVED_READS_ALLOWED,   /* GoToSocial (observed-servers.md) */
} FerryMovedReads;

/**
 * FerryMoveWebStep:
 * @url: the page to open
 * @copy: what its form needs (for the clipboard)
 * @instruction: one sentence: what to do there, in the page's own labels
 */
typedef struct
{
  char *url;
  char *copy;
  char *instruction;
} FerryMoveWebStep;

void ferry_move_web_step_free (FerryMoveWebStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryMoveWebStep, ferry_move_web_step_free)

#define FERRY_TYPE_MOVE_BACKEND (ferry_move_backend_get_type ())

G_DECLARE_DERIVABLE_TYPE (FerryMoveBackend, ferry_move_backend, FERRY, MOVE_BACKEND, GObject)

/**
 * FerryMoveBackendClass:
 * @way: how the family moves accounts
 * @incoming: what its servers do with a Move for their followers
 * @moved_reads: what a moved account's token may still read
 * @web_step: the page for a step and what to do on it; %NULL where there is none
 * @redirect_refusal: why an account that moved cannot cancel its redirect here; %NULL
 *   where it can
 * The async vfuncs take @task (transfer full) and return on it.
 *
 * @read_alias_async: whether this account names @origin_uri/@origin_acct as an alias
 * @add_alias_async: names the origin as an alias of this account
 * @move_async: moves this account to the target
 * @classify: what a refusal from this server means
 *
 * The base class is a server Ferry knows nothing particular of: it has no API for a move
 * and shows aliases only in the actor (alsoKnownAs). One subclass per family.
 */
struct _FerryMoveBackendClass
{
  GObjectClass parent_class;

  FerryMoveWay        way;
  FerryMoveIncoming   incoming;

  FerryMovedReads   (*moved_reads)      (FerryMoveBackend     *self);
  FerryMoveWebStep *(*web_step)         (FerryMoveBackend     *self,
                                         FerryMoveWebPage         page,
                                         const char           *acct,
                                         const char           *other_acct);
  char             *(*redirect_refusal) (FerryMoveBackend     *self,
                                         const char           *acct);
  void              (*read_alias_async) (FerryMoveBackend     *self,
                                         const char           *actor_uri,
                                         const char           *origin_uri,
                                         const char           *origin_acct,
                                         GTask                *task);
  void              (*add_alias_async)  (FerryMoveBackend     *self,
                                         const char           *origin_uri,
                                         const char           *origin_acct,
                                         GTask                *task);
  void              (*move_async)       (FerryMoveBackend     *self,
                                         const char           *target_uri,
                                         const char           *target_acct,
                                         const char           *password,
                                         GTask                *task);
  FerryMoveRefusal  (*classify)         (FerryMoveBackend     *self,
                                         const GError         *error,
                                         gint64               *until);

  gpointer padding[8];
};

FerryMoveBackend *ferry_move_backend_new             (FerryClient          *client,
                                                      FerryServerInfo      *info,
                                                      const char           *acct);
const char       *ferry_move_backend_get_acct        (FerryMoveBackend     *self);
FerryMoveWay      ferry_move_backend_way_for         (FerryServerInfo      *info);
FerryMoveIncoming ferry_move_backend_incoming_for    (FerryServerInfo      *info);
FerryMoveWay      ferry_move_backend_get_way         (FerryMoveBackend     *self);
FerryClient      *ferry_move_backend_get_client      (FerryMoveBackend     *self);
FerryServerInfo  *ferry_move_backend_get_info        (FerryMoveBackend     *self);
gboolean          ferry_move_backend_has_api         (FerryMoveBackend     *self);
gboolean          ferry_move_backend_can_move        (FerryMoveBackend     *self);
FerryMovedReads   ferry_move_backend_moved_reads     (FerryMoveBackend     *self);
FerryMoveWebStep *ferry_move_backend_web_step        (FerryMoveBackend     *self,
                                                      FerryMoveWebPage         page,
                                                      const char           *acct,
                                                      const char           *other_acct);
char             *ferry_move_backend_redirect_refusal (FerryMoveBackend    *self,
                                                      const char           *acct);

/* 1: the alias is there; 0: it is not; -1: the server does not show it (authorized fetch) */
void              ferry_move_backend_read_alias_async (FerryMoveBackend    *self,
                                                      const char           *actor_uri,
                                                      const char           *origin_uri,
                                                      const char           *origin_acct,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
int               ferry_move_backend_read_alias_finish (FerryMoveBackend   *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* TRUE: the answer showed the alias made; FALSE (no error): sent, to be watched for */
void              ferry_move_backend_add_alias_async (FerryMoveBackend     *self,
                                                      const char           *origin_uri,
                                                      const char           *origin_acct,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          ferry_move_backend_add_alias_finish (FerryMoveBackend    *self,
                                                      GAsyncResult         *result,
                                                      gboolean             *verified,
                                                      GError              **error);

void              ferry_move_backend_move_async      (FerryMoveBackend     *self,
                                                      const char           *target_uri,
                                                      const char           *target_acct,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          ferry_move_backend_move_finish     (FerryMoveBackend     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

FerryMoveRefusal  ferry_move_backend_classify        (FerryMoveBackend     *self,
                                                      const GError         *error,
                                                      gint64               *until);

/* What a move reads and changes the same way on every family (the Mastodon API) */
void              ferry_move_backend_unlock_async    (FerryMoveBackend     *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
FerryAccount     *ferry_move_backend_unlock_finish   (FerryMoveBackend     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void              ferry_move_backend_list_followers_async (FerryMoveBackend *self,
                                                      const char           *account_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void              ferry_move_backend_list_follow_requests_async (FerryMoveBackend *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray        *ferry_move_backend_list_finish     (FerryMoveBackend     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* For the families' files */
FerryMoveWebStep *ferry_move_web_step_new            (const char           *base_url,
                                                      const char           *path,
                                                      char                 *copy,
                                                      char                 *instruction);
GError           *ferry_move_backend_error_in_body   (FerryMoveBackend     *self,
                                                      JsonNode             *node);

G_END_DECLS
