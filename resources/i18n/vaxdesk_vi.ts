<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
<context>
    <name>desktop.accounts.gate</name>
    <message>
        <location filename="../../desktop/accounts/gate.py" line="25"/>
        <source>The workspace has no accounts yet. Create the first administrator: `users add NAME --role administrator --password-stdin`.</source>
        <translation>Thư mục làm việc chưa có tài khoản nào. Hãy tạo quản trị viên đầu tiên: `users add TÊN --role administrator --password-stdin`.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/gate.py" line="43"/>
        <source>A {role} account is for scheduled command-line tasks (check, sync) only; it cannot open the window.</source>
        <translation>Tài khoản {role} chỉ dùng cho tác vụ tự động trên dòng lệnh (check, sync), không mở cửa sổ.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/gate.py" line="70"/>
        <source>The account “{name}” can no longer be used (disabled, locked or missing); sign in again.</source>
        <translation>Tài khoản “{name}” không còn dùng được (đã tắt, bị khoá hoặc không tồn tại); hãy đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>desktop.accounts.roles</name>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="20"/>
        <source>Clerk</source>
        <translation>Nhân viên nhập liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="21"/>
        <source>Signer</source>
        <translation>Người ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="22"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="23"/>
        <source>Automation</source>
        <translation>Tác vụ tự động</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="42"/>
        <source>view data</source>
        <translation>xem dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="43"/>
        <source>see personal data</source>
        <translation>xem dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="44"/>
        <source>import lists</source>
        <translation>nhập danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="45"/>
        <source>check against the registry</source>
        <translation>kiểm tra với CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="46"/>
        <source>review records</source>
        <translation>đối chiếu bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="47"/>
        <source>decide on mismatched records</source>
        <translation>quyết định về bản ghi lệch</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="48"/>
        <source>print certificates</source>
        <translation>in chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="49"/>
        <source>verify QR codes</source>
        <translation>kiểm tra mã QR</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="50"/>
        <source>sync</source>
        <translation>đồng bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="51"/>
        <source>sign</source>
        <translation>ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="52"/>
        <source>correct certificates</source>
        <translation>đính chính chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="53"/>
        <source>revoke certificates</source>
        <translation>thu hồi chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="54"/>
        <source>change settings</source>
        <translation>thay đổi cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="55"/>
        <location filename="../../desktop/accounts/roles.py" line="56"/>
        <source>manage accounts</source>
        <translation>quản lý tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="57"/>
        <source>read the audit log</source>
        <translation>xem nhật ký kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="58"/>
        <source>take scheduled backups</source>
        <translation>sao lưu theo lịch</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="59"/>
        <source>change their own password</source>
        <translation>đổi mật khẩu của mình</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="88"/>
        <source>The {role} role may not {action}. It needs one of these roles: {least}; ask your administrator.</source>
        <translation>Vai trò {role} không được phép {action}. Cần một trong các vai trò: {least}; hãy nhờ quản trị viên.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="90"/>
        <source>signed-out</source>
        <translation>chưa đăng nhập</translation>
    </message>
</context>
<context>
    <name>desktop.accounts.users</name>
    <message>
        <location filename="../../desktop/accounts/users.py" line="233"/>
        <source>Wrong user name or password. {n} more tries before the account is locked for {m} minutes.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu. Còn {n} lần thử trước khi tài khoản bị khoá {m} phút.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="243"/>
        <source>The account is locked after too many wrong passwords. Try again in {m} minutes, or ask an administrator to unlock it.</source>
        <translation>Tài khoản đang bị khoá do nhập sai mật khẩu nhiều lần. Thử lại sau {m} phút, hoặc nhờ quản trị viên mở khoá.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="75"/>
        <source>The user name “{name}” is not valid: use 2–50 unaccented letters, digits, dots, underscores or hyphens, starting with a letter or digit (e.g. lan.nguyen).</source>
        <translation>Tên đăng nhập “{name}” không hợp lệ: dùng 2–50 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch nối, bắt đầu bằng chữ hoặc số (ví dụ: lan.nguyen).</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="87"/>
        <source>The password must have at least {n} characters.</source>
        <translation>Mật khẩu phải có ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="93"/>
        <source>The password must not begin or end with a space.</source>
        <translation>Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="102"/>
        <source>There is no role “{role}”; choose one of: {roles}.</source>
        <translation>Vai trò “{role}” không tồn tại; chọn một trong: {roles}.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="117"/>
        <source>There is no account “{name}”.</source>
        <translation>Không có tài khoản “{name}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="157"/>
        <source>The account “{name}” already exists.</source>
        <translation>Tài khoản “{name}” đã có.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="230"/>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="307"/>
        <source>The last active administrator cannot lose the {role} role.</source>
        <translation>Không thể bỏ quyền {role} của quản trị viên cuối cùng.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="316"/>
        <source>There is no language “{lang}”; choose vi or en.</source>
        <translation>Ngôn ngữ “{lang}” không có; chọn vi hoặc en.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="173"/>
        <source>Accounts already exist; an administrator signs in to add users.</source>
        <translation>Đã có tài khoản; quản trị viên hãy đăng nhập để thêm người dùng.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="258"/>
        <source>The current password is wrong.</source>
        <translation>Mật khẩu hiện tại không đúng.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="202"/>
        <source>The account “{name}” is disabled; ask your administrator.</source>
        <translation>Tài khoản “{name}” đã bị tắt; hãy nhờ quản trị viên.</translation>
    </message>
</context>
<context>
    <name>desktop.backup.container</name>
    <message>
        <location filename="../../desktop/backup/container.py" line="62"/>
        <source>{file} is not a VaxDesk backup or it is damaged; nothing was changed.</source>
        <translation>{file} không phải là tệp sao lưu VaxDesk hoặc đã bị hỏng; không có gì bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="70"/>
        <source>The backup {file} is damaged or altered (the passphrase is right but the content does not match); nothing was changed. Use another backup.</source>
        <translation>Tệp sao lưu {file} đã bị hỏng hoặc bị sửa (mật khẩu đúng nhưng nội dung không khớp); không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="80"/>
        <source>Wrong backup passphrase; nothing was changed.</source>
        <translation>Sai mật khẩu sao lưu; không có gì bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="88"/>
        <source>No backup passphrase was given.</source>
        <translation>Chưa có mật khẩu sao lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="147"/>
        <source>The backup has format version {v}, which this VaxDesk cannot read; update VaxDesk.</source>
        <translation>Tệp sao lưu có định dạng phiên bản {v}, phiên bản VaxDesk này không đọc được; hãy cập nhật VaxDesk.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="160"/>
        <source>Cannot read the file {file}: {err}</source>
        <translation>Không đọc được tệp {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.backup.create</name>
    <message>
        <location filename="../../desktop/backup/create.py" line="48"/>
        <source>No backup folder is chosen (setting backup_folder or --to).</source>
        <translation>Chưa chọn thư mục sao lưu (cài đặt backup_folder hoặc --to).</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="58"/>
        <source>The backup folder must be outside the workspace.</source>
        <translation>Thư mục sao lưu phải nằm ngoài thư mục làm việc.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="66"/>
        <source>No backup passphrase is set (an administrator sets it in Settings → Backup).</source>
        <translation>Chưa đặt mật khẩu sao lưu (quản trị viên đặt trong Cài đặt → Sao lưu).</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="70"/>
        <source>A backup passphrase needs at least 10 characters.</source>
        <translation>Mật khẩu sao lưu cần ít nhất 10 ký tự.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="194"/>
        <source>Backups to keep must be 1 or more.</source>
        <translation>Số bản sao lưu giữ lại phải từ 1 trở lên.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="54"/>
        <source>Cannot write to the backup folder {folder}: {err}</source>
        <translation>Không ghi được vào thư mục sao lưu {folder}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="168"/>
        <source>Cannot write the backup {file}: {err}</source>
        <translation>Không ghi được tệp sao lưu {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.backup.opening</name>
    <message>
        <location filename="../../desktop/backup/opening.py" line="39"/>
        <source>There is no backup file {file}.</source>
        <translation>Không có tệp sao lưu {file}.</translation>
    </message>
</context>
<context>
    <name>desktop.backup.restore</name>
    <message>
        <location filename="../../desktop/backup/restore.py" line="49"/>
        <source>The backup belongs to facility {backup}, not {here}; nothing was changed. To restore it anyway, use --other-facility.</source>
        <translation>Bản sao lưu của cơ sở {backup}, không phải cơ sở {here}; không có gì bị thay đổi. Nếu thật sự muốn khôi phục, dùng --other-facility.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="67"/>
        <source>The target database is not empty; restore into a new PostgreSQL database.</source>
        <translation>Cơ sở dữ liệu đích không trống; hãy khôi phục vào một cơ sở dữ liệu PostgreSQL mới.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="80"/>
        <source>The folder {folder} is not empty; choose an empty folder or use --replace (the old folder is kept beside it).</source>
        <translation>Thư mục {folder} đã có dữ liệu; chọn thư mục trống hoặc dùng --replace (thư mục cũ được giữ lại bên cạnh).</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="86"/>
        <source>This backup is a PostgreSQL one: give --database-url of a new, empty database.</source>
        <translation>Bản sao lưu này là PostgreSQL: hãy cho --database-url của một cơ sở dữ liệu mới.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="160"/>
        <source>Cannot put the restored folder in place of {folder} ({err}); close VaxDesk on this PC and try again. Nothing was changed.</source>
        <translation>Không thay được thư mục {folder} ({err}); hãy đóng VaxDesk trên máy này rồi thử lại. Không có gì bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>desktop.backup.snapshot</name>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="35"/>
        <source>Cannot back up a {kind} database.</source>
        <translation>Không sao lưu được cơ sở dữ liệu loại {kind}.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="48"/>
        <source>There is no database {file}.</source>
        <translation>Không có cơ sở dữ liệu {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="80"/>
        <source>{what} failed: {err}</source>
        <translation>{what} không thành công: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="76"/>
        <source>The program {tool} was not found (install the PostgreSQL client).</source>
        <translation>Không tìm thấy chương trình {tool} (cài PostgreSQL client).</translation>
    </message>
</context>
<context>
    <name>desktop.backup.verify</name>
    <message>
        <location filename="../../desktop/backup/verify.py" line="60"/>
        <source>The backup's contents do not match its own list of contents.</source>
        <translation>Số bản ghi trong bản sao lưu không khớp với danh mục của nó.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/verify.py" line="65"/>
        <source>The audit log inside the backup was altered at event {id} ({problem}).</source>
        <translation>Nhật ký kiểm tra trong bản sao lưu bị thay đổi từ sự kiện {id} ({problem}).</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.content</name>
    <message>
        <location filename="../../desktop/certificates/content.py" line="62"/>
        <source>Valid until {date}.</source>
        <translation>Có hiệu lực đến {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="47"/>
        <source>Superseded by certificate {uvci}; this one is no longer printed.</source>
        <translation>Đã được thay thế bởi chứng nhận {uvci}; không in chứng nhận này nữa.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="51"/>
        <source>Revoked ({reason}).</source>
        <translation>Đã bị thu hồi ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="54"/>
        <source>The QR code expired on {date}; re-issue it when the person needs it.</source>
        <translation>Mã QR đã hết hạn ngày {date}; cấp lại khi người dân cần.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="58"/>
        <source>The QR code expires soon ({date}, {days} days left); re-issue it when it expires.</source>
        <translation>Mã QR sắp hết hạn ({date}, còn {days} ngày); cấp lại khi hết hạn.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.corrections</name>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="169"/>
        <source>A reason for the correction is required.</source>
        <translation>Cần ghi lý do đính chính.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="173"/>
        <source>There is no record {id}.</source>
        <translation>Không có bản ghi {id}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="176"/>
        <source>Record {id} has no valid certificate; correct it in Review instead of issuing a correction.</source>
        <translation>Bản ghi {id} chưa có chứng nhận còn hiệu lực; hãy sửa ở bước Đối chiếu thay vì đính chính.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="182"/>
        <source>Record {id} already has a correction on its way (record {pending}); finish that one first.</source>
        <translation>Bản ghi {id} đã có bản đính chính đang chờ (bản ghi {pending}); hãy hoàn tất bản đó trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="189"/>
        <source>The new values equal the old ones; there is nothing to correct.</source>
        <translation>Giá trị mới giống giá trị cũ; không có gì để đính chính.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="54"/>
        <source>Cannot apply "{pair}": write field=value, the field being one of {fields}.</source>
        <translation>Không sửa được "{pair}": viết trường=giá trị, với trường là một trong {fields}.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.detail</name>
    <message>
        <location filename="../../desktop/certificates/detail.py" line="78"/>
        <source>There is no certificate {key}.</source>
        <translation>Không tìm thấy chứng nhận {key}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/detail.py" line="120"/>
        <source>Certificate issued</source>
        <translation>Cấp chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/detail.py" line="121"/>
        <source>Received from the central service</source>
        <translation>Nhận về máy</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.printing</name>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="79"/>
        <source>Choose the certificates to print.</source>
        <translation>Chọn chứng nhận cần in.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="144"/>
        <source>There is no new certificate left to print.</source>
        <translation>Không có chứng nhận mới nào chưa in.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="155"/>
        <location filename="../../desktop/certificates/printing.py" line="162"/>
        <source>No such certificate: {list}</source>
        <translation>Không tìm thấy chứng nhận: {list}</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="173"/>
        <source>Certificate {uvci} is not printed: it was superseded by {new} after a correction. Print the new one.</source>
        <translation>Không in chứng nhận {uvci}: đã được thay thế bởi {new} sau khi đính chính. Hãy in chứng nhận mới.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="179"/>
        <source>Certificate {uvci} is not printed: it was revoked ({reason}).</source>
        <translation>Không in chứng nhận {uvci}: đã bị thu hồi ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="185"/>
        <source>Certificate {uvci} is not printed: its QR code expired on {date}; it must be re-issued.</source>
        <translation>Không in chứng nhận {uvci}: mã QR đã hết hạn ngày {date}; cần cấp lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="131"/>
        <source>Writing the PDF</source>
        <translation>Đang tạo PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="92"/>
        <source>Preparing {n} certificates</source>
        <translation>Chuẩn bị {n} chứng nhận</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.revocation</name>
    <message>
        <location filename="../../desktop/certificates/revocation.py" line="48"/>
        <source>A reason for the revocation is required.</source>
        <translation>Cần ghi lý do thu hồi.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/revocation.py" line="53"/>
        <source>Certificate {uvci} is already revoked.</source>
        <translation>Chứng nhận {uvci} đã bị thu hồi trước đó.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/revocation.py" line="56"/>
        <source>Certificate {uvci} was superseded by {new} and already revoked centrally; revoke the new one if needed.</source>
        <translation>Chứng nhận {uvci} đã được thay thế bởi {new} và trung ương đã thu hồi nó; hãy thu hồi chứng nhận mới nếu cần.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.search</name>
    <message>
        <location filename="../../desktop/certificates/search.py" line="253"/>
        <source>Unknown vaccine "{text}"; use a name from the lists or one of: {choices}.</source>
        <translation>Không biết vắc xin "{text}"; dùng tên trong danh sách hoặc một trong: {choices}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="224"/>
        <source>"{text}" is not a phone number (at least 4 digits are needed).</source>
        <translation>"{text}" không phải là số điện thoại (cần ít nhất 4 chữ số).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="235"/>
        <source>The insurance number "{text}" is too short (at least 4 characters).</source>
        <translation>Số thẻ BHYT "{text}" quá ngắn (cần ít nhất 4 ký tự).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="262"/>
        <location filename="../../desktop/certificates/search.py" line="122"/>
        <source>"{text}" is not a valid date (dd/mm/yyyy).</source>
        <translation>"{text}" không phải là ngày hợp lệ (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="284"/>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="304"/>
        <source>There is no status "{status}"; choose one of: {choices}.</source>
        <translation>Không có trạng thái "{status}"; chọn một trong: {choices}.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.verification</name>
    <message>
        <location filename="../../desktop/certificates/verification.py" line="90"/>
        <source>The certificate is valid.</source>
        <translation>Chứng nhận hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/verification.py" line="149"/>
        <source>Paste an HC1 string or open a picture of the QR.</source>
        <translation>Hãy dán chuỗi HC1 hoặc mở ảnh mã QR.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.__init__</name>
    <message>
        <location filename="../../desktop/cli/__init__.py" line="243"/>
        <source>This command needs a signed-in account: give the user name with --user NAME or {user_env}, and the password on stdin (--password-stdin) or in {password_env}, never on the command line.</source>
        <translation>Lệnh này cần đăng nhập: cho tên bằng --user TÊN hoặc biến {user_env}, và mật khẩu trên stdin (--password-stdin) hoặc trong biến {password_env} — không bao giờ trên dòng lệnh.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/__init__.py" line="264"/>
        <source>There is no workspace at {path}. Create one with `demo`, or create the first administrator with `users add NAME --role administrator --password-stdin`.</source>
        <translation>Không có thư mục làm việc {path}. Hãy tạo bằng `demo` hoặc tạo quản trị viên đầu tiên với `users add TÊN --role administrator --password-stdin`.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.audit</name>
    <message>
        <location filename="../../desktop/cli/audit.py" line="12"/>
        <source>an event is missing</source>
        <translation>thiếu sự kiện</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="13"/>
        <source>the chain is broken</source>
        <translation>mắt xích bị đứt</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="14"/>
        <source>an event was edited</source>
        <translation>sự kiện bị sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="15"/>
        <source>the log is shorter than a signed anchor</source>
        <translation>nhật ký bị cắt bớt so với mốc đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="16"/>
        <source>the log was rewritten since a signed anchor</source>
        <translation>nhật ký bị viết lại so với mốc đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="17"/>
        <source>a batch's signed manifest fails its signature</source>
        <translation>bản kê đã ký của một lô không còn khớp chữ ký</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="18"/>
        <source>a signed batch's own events are missing</source>
        <translation>thiếu sự kiện ký của một lô đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="19"/>
        <source>the database no longer refuses changes to the log</source>
        <translation>cơ sở dữ liệu không còn chặn việc sửa, xoá nhật ký</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="50"/>
        <source>The audit log was altered at event {id}: {problem}</source>
        <translation>Nhật ký kiểm tra bị thay đổi từ sự kiện {id}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="53"/>
        <source>The audit log can no longer be trusted: {problem} {batch}</source>
        <translation>Nhật ký kiểm tra không còn đáng tin: {problem} {batch}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.backup</name>
    <message>
        <location filename="../../desktop/cli/backup.py" line="54"/>
        <source>No passphrase was given on stdin.</source>
        <translation>Không nhận được mật khẩu trên stdin.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.central</name>
    <message>
        <location filename="../../desktop/cli/central.py" line="130"/>
        <source>Central service at {url} (Ctrl+C stops it)</source>
        <translation>Dịch vụ trung ương chạy tại {url} (Ctrl+C để dừng)</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="180"/>
        <source>Signing key passphrase: </source>
        <translation>Mật khẩu khoá ký: </translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="182"/>
        <source>The two entries differ.</source>
        <translation>Hai lần nhập không khớp.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="114"/>
        <source>Cannot read {file}: {err}</source>
        <translation>Không đọc được {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="151"/>
        <source>An HSM needs --hsm-label and the PIN in {env}.</source>
        <translation>Dùng HSM cần --hsm-label và mã PIN trong biến {env}.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="181"/>
        <source>Again: </source>
        <translation>Nhập lại: </translation>
    </message>
</context>
<context>
    <name>desktop.cli.certificates</name>
    <message>
        <location filename="../../desktop/cli/certificates.py" line="47"/>
        <source>Wrote {n} HC1 strings to {file}</source>
        <translation>Đã ghi {n} mã HC1 vào {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/certificates.py" line="58"/>
        <source>Cannot write the file {file}: {err}</source>
        <translation>Không ghi được tệp {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.demo</name>
    <message>
        <location filename="../../desktop/cli/demo.py" line="34"/>
        <source>{path} already holds a workspace; the demo is only created in a new folder (--workspace NEW_FOLDER).</source>
        <translation>{path} đã là một thư mục làm việc; bản demo chỉ tạo trong thư mục mới (--workspace THƯ_MỤC_MỚI).</translation>
    </message>
</context>
<context>
    <name>desktop.cli.import_list</name>
    <message>
        <location filename="../../desktop/cli/import_list.py" line="47"/>
        <source>Name the list file to load.</source>
        <translation>Hãy chỉ ra tệp danh sách cần nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/import_list.py" line="32"/>
        <source>--map needs field=column, not “{item}”.</source>
        <translation>--map cần dạng trường=cột, không phải “{item}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/import_list.py" line="43"/>
        <source>--out FILE is needed for the export.</source>
        <translation>Cần --out TỆP để xuất các dòng bị từ chối.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.print_certificates</name>
    <message>
        <location filename="../../desktop/cli/print_certificates.py" line="38"/>
        <source>Printed {n} certificates into {file}</source>
        <translation>Đã in {n} chứng nhận vào {file}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.registry</name>
    <message>
        <location filename="../../desktop/cli/registry.py" line="62"/>
        <source>Reference registry: {n} citizens at http://{host}:{port} (Ctrl+C to stop)</source>
        <translation>CSDL dân cư mẫu: {n} công dân, http://{host}:{port} (Ctrl+C để dừng)</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/registry.py" line="44"/>
        <source>Population file {file} not found; give it with --population (`demo` prints the path).</source>
        <translation>Không tìm thấy tệp dân cư {file}; hãy chỉ ra bằng --population (lệnh `demo` in ra đường dẫn).</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/registry.py" line="50"/>
        <source>--fault must be one of: {modes}</source>
        <translation>--fault phải là một trong: {modes}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/registry.py" line="57"/>
        <source>Cannot read the population file {file}: {err}</source>
        <translation>Không đọc được tệp dân cư {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.report</name>
    <message>
        <location filename="../../desktop/cli/report.py" line="39"/>
        <source>The day report is written as .xlsx or .pdf.</source>
        <translation>Báo cáo ngày chỉ xuất được dạng .xlsx hoặc .pdf.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.resolve</name>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="170"/>
        <source>Applied {n} decisions.</source>
        <translation>Đã áp dụng {n} quyết định.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="62"/>
        <source>Record {old} (rejected by the central service) was resubmitted as record {new}; sign it again.</source>
        <translation>Bản ghi {old} (trung ương từ chối) đã được gửi lại thành bản ghi {new}; hãy ký lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="134"/>
        <source>{file} holds no decisions.</source>
        <translation>{file} không có quyết định nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="78"/>
        <source>Cannot read {file}: {err}</source>
        <translation>Không đọc được {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="81"/>
        <source>{file} is not UTF-8 text; save it again as CSV UTF-8.</source>
        <translation>{file} không phải văn bản UTF-8; hãy lưu lại dưới dạng CSV UTF-8.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="167"/>
        <source>Row {row} ({field}): {reason} No decision was applied.</source>
        <translation>Dòng {row} ({field}): {reason} Không quyết định nào được áp dụng.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.restore</name>
    <message>
        <location filename="../../desktop/cli/restore.py" line="38"/>
        <source>The backup passphrase is needed (--passphrase-stdin).</source>
        <translation>Cần mật khẩu sao lưu (--passphrase-stdin).</translation>
    </message>
</context>
<context>
    <name>desktop.cli.settings</name>
    <message>
        <location filename="../../desktop/cli/settings.py" line="46"/>
        <source>{key} is a secret: give it on stdin with --value-stdin, never on the command line.</source>
        <translation>{key} là bí mật: nhập qua stdin với --value-stdin, không ghi trên dòng lệnh.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/settings.py" line="53"/>
        <source>A value for {key} is missing.</source>
        <translation>Thiếu giá trị cho {key}.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.sign</name>
    <message>
        <location filename="../../desktop/cli/sign.py" line="37"/>
        <source>The date {d} is not in the form YYYY-MM-DD.</source>
        <translation>Ngày {d} không đúng dạng YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/sign.py" line="40"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit phải lớn hơn 0.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/sign.py" line="50"/>
        <source>Signed batch {b}: {n} records</source>
        <translation>Đã ký lô {b}: {n} bản ghi</translation>
    </message>
</context>
<context>
    <name>desktop.cli.sync</name>
    <message>
        <location filename="../../desktop/cli/sync.py" line="45"/>
        <source>Sent {sent} batches; {accepted} new certificates; {rejected} records refused; {pending} records waiting.</source>
        <translation>Đã gửi {sent} lô; {accepted} chứng nhận mới; {rejected} bản ghi bị từ chối; còn chờ {pending} bản ghi.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.trust</name>
    <message>
        <location filename="../../desktop/cli/trust.py" line="34"/>
        <source>Imported {added} new signing certificates ({present} already present, {skipped} entries skipped) from {source}.</source>
        <translation>Đã nhập {added} chứng thư ký mới ({present} đã có, {skipped} mục bỏ qua) từ {source}.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.update</name>
    <message>
        <location filename="../../desktop/cli/update.py" line="63"/>
        <source>Trusted the update signing key {key}; compare this fingerprint with the central's operator.</source>
        <translation>Đã tin cậy khoá ký bản cập nhật {key}; hãy so dấu vân tay này với bên vận hành trung ương.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/update.py" line="38"/>
        <source>Cannot read the file {file}: {err}</source>
        <translation>Không đọc được tệp {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/update.py" line="55"/>
        <source>There is no update kind "{kind}".</source>
        <translation>Không có loại cập nhật "{kind}".</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/update.py" line="79"/>
        <source>The file {file} is not valid JSON.</source>
        <translation>Tệp {file} không phải JSON hợp lệ.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.users</name>
    <message>
        <location filename="../../desktop/cli/users.py" line="58"/>
        <source>No password was given on stdin.</source>
        <translation>Không nhận được mật khẩu trên stdin.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/users.py" line="73"/>
        <source>The first account must be an administrator (--role administrator).</source>
        <translation>Tài khoản đầu tiên phải là quản trị viên (--role administrator).</translation>
    </message>
</context>
<context>
    <name>desktop.cli.verify</name>
    <message>
        <location filename="../../desktop/cli/verify.py" line="43"/>
        <source>No trust list: the certificate is decoded but its signature cannot be checked.</source>
        <translation>Không có danh sách tin cậy: chỉ giải mã, không kiểm tra được chữ ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/verify.py" line="95"/>
        <source>The time "{value}" is not ISO 8601.</source>
        <translation>Thời điểm "{value}" không đúng định dạng ISO 8601.</translation>
    </message>
</context>
<context>
    <name>desktop.db</name>
    <message>
        <location filename="../../desktop/db.py" line="153"/>
        <source>The database was written by a newer VaxDesk; update VaxDesk to open it.</source>
        <translation>Cơ sở dữ liệu được tạo bởi phiên bản VaxDesk mới hơn; hãy cập nhật VaxDesk.</translation>
    </message>
    <message>
        <location filename="../../desktop/db.py" line="146"/>
        <source>Cannot open the database: {err}</source>
        <translation>Không mở được cơ sở dữ liệu: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.errors</name>
    <message>
        <location filename="../../desktop/dcc/errors.py" line="19"/>
        <source>The certificate was not signed because its data is invalid ({count} problems). First: {first}</source>
        <translation>Không ký chứng nhận vì dữ liệu không hợp lệ ({count} lỗi). Lỗi đầu tiên: {first}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.hc1</name>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="168"/>
        <source>The signing key uses algorithm {alg}; a DCC accepts only ES256 or PS256.</source>
        <translation>Khoá ký dùng thuật toán {alg}; chứng nhận DCC chỉ chấp nhận ES256 hoặc PS256.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="172"/>
        <source>The signing key has no 8-byte kid (taken from its certificate); check the key setup.</source>
        <translation>Khoá ký thiếu mã kid 8 byte (lấy từ chứng thư ký); hãy kiểm tra cấu hình khoá.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="176"/>
        <source>The certificate must expire after it is issued.</source>
        <translation>Thời hạn của chứng nhận phải kết thúc sau thời điểm cấp.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="179"/>
        <source>The issuing country "{iss}" is not a two-letter ISO 3166 code.</source>
        <translation>Mã nước cấp "{iss}" không phải mã ISO 3166 hai chữ cái.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.names</name>
    <message>
        <location filename="../../desktop/dcc/names.py" line="51"/>
        <source>The full name is empty.</source>
        <translation>Họ tên đang để trống.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.payload</name>
    <message>
        <location filename="../../desktop/dcc/payload.py" line="89"/>
        <source>The full name is empty.</source>
        <translation>Họ tên đang để trống.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/payload.py" line="107"/>
        <source>The vaccine "{name}" is not recognised; choose one from the vaccine table.</source>
        <translation>Không nhận ra vắc xin "{name}"; hãy chọn vắc xin trong danh mục.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/payload.py" line="82"/>
        <source>The name "{name}" cannot be transliterated to ICAO Latin letters; enter it in Latin script.</source>
        <translation>Không chuyển được tên "{name}" sang chữ Latinh chuẩn ICAO; hãy nhập tên bằng chữ Latinh.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.qr</name>
    <message>
        <location filename="../../desktop/dcc/qr.py" line="27"/>
        <source>No readable QR code was found in the picture.</source>
        <translation>Không tìm thấy mã QR đọc được trong ảnh.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/qr.py" line="38"/>
        <source>There is no picture file {file}.</source>
        <translation>Không có tệp ảnh {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/qr.py" line="41"/>
        <source>Cannot open the picture {file}: the file is damaged or not a picture.</source>
        <translation>Không mở được ảnh {file}: tệp hỏng hoặc không phải ảnh.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.trust_import</name>
    <message>
        <location filename="../../desktop/dcc/trust_import.py" line="214"/>
        <source>Cannot import signing certificates: {detail}</source>
        <translation>Không nhập được chứng thư ký: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/trust_import.py" line="107"/>
        <source>Cannot read the file {file}: {err}</source>
        <translation>Không đọc được tệp {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.trustlist</name>
    <message>
        <location filename="../../desktop/dcc/trustlist.py" line="374"/>
        <source>The trust list is invalid: {detail}</source>
        <translation>Danh sách tin cậy không hợp lệ: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/trustlist.py" line="133"/>
        <source>Cannot read the trust list {file}: {err}</source>
        <translation>Không đọc được danh sách tin cậy {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.vaccines</name>
    <message>
        <location filename="../../desktop/dcc/vaccines.py" line="84"/>
        <source>The dose number must be a whole number from 1, not "{value}".</source>
        <translation>Số mũi tiêm phải là số nguyên từ 1 trở lên, không phải "{value}".</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.validate</name>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="116"/>
        <source>the required field is missing</source>
        <translation>thiếu trường bắt buộc</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="230"/>
        <source>a value of type {kind} is not allowed in a certificate (use an integer or text)</source>
        <translation>giá trị kiểu {kind} không được phép trong chứng nhận (phải là số nguyên hoặc chuỗi)</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="120"/>
        <source>a vaccination (v), test (t) or recovery (r) entry is missing</source>
        <translation>thiếu mục tiêm chủng (v), xét nghiệm (t) hoặc khỏi bệnh (r)</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="222"/>
        <source>key {key} is not a string</source>
        <translation>khoá {key} không phải chuỗi</translation>
    </message>
</context>
<context>
    <name>desktop.demo.__init__</name>
    <message>
        <location filename="../../desktop/demo/__init__.py" line="44"/>
        <source>The number of people must be 1 to 200,000.</source>
        <translation>Số người phải từ 1 đến 200.000.</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/__init__.py" line="48"/>
        <source>The workspace {path} already has a demo. Use a new folder (--workspace NEW_FOLDER).</source>
        <translation>Thư mục làm việc {path} đã có dữ liệu demo. Hãy dùng một thư mục mới (--workspace THƯ_MỤC_MỚI).</translation>
    </message>
</context>
<context>
    <name>desktop.demo.central</name>
    <message>
        <location filename="../../desktop/demo/central.py" line="33"/>
        <source>The facility code (facility_code) is not set.</source>
        <translation>Chưa có mã cơ sở (facility_code).</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/central.py" line="28"/>
        <source>{file} is missing; create the demo token first.</source>
        <translation>Thiếu {file}; hãy tạo token demo trước.</translation>
    </message>
</context>
<context>
    <name>desktop.demo.token</name>
    <message>
        <location filename="../../desktop/demo/token.py" line="45"/>
        <source>SoftHSM2 (package softhsm2) is not installed, so no demo token can be made.</source>
        <translation>Chưa cài SoftHSM2 (gói softhsm2) nên không tạo được token demo.</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/token.py" line="120"/>
        <source>softhsm2-util (package softhsm2) is missing.</source>
        <translation>Không có softhsm2-util (gói softhsm2).</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/token.py" line="126"/>
        <source>Cannot initialise the SoftHSM token: {err}</source>
        <translation>Không khởi tạo được token SoftHSM: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/token.py" line="184"/>
        <source>The facility code (facility_code) is not set.</source>
        <translation>Chưa có mã cơ sở (facility_code).</translation>
    </message>
</context>
<context>
    <name>desktop.diagnosis</name>
    <message>
        <location filename="../../desktop/diagnosis.py" line="31"/>
        <source>Cannot reach the {name} at {url}: {err}. Check the address and the network.</source>
        <translation>Không kết nối được {name} tại {url}: {err}. Kiểm tra địa chỉ và mạng.</translation>
    </message>
</context>
<context>
    <name>desktop.importer.corrections</name>
    <message>
        <location filename="../../desktop/importer/corrections.py" line="70"/>
        <source>There is no list {id}.</source>
        <translation>Không có danh sách số {id}.</translation>
    </message>
</context>
<context>
    <name>desktop.importer.export</name>
    <message>
        <location filename="../../desktop/importer/export.py" line="40"/>
        <source>Export to .xlsx or .csv, not “{suffix}”.</source>
        <translation>Chỉ xuất được tệp .xlsx hoặc .csv, không phải “{suffix}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/export.py" line="45"/>
        <source>There is no list {id}.</source>
        <translation>Không có danh sách số {id}.</translation>
    </message>
</context>
<context>
    <name>desktop.importer.fields</name>
    <message>
        <location filename="../../desktop/importer/fields.py" line="27"/>
        <source>Platform record id</source>
        <translation>Mã mũi tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="29"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="31"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="33"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="34"/>
        <source>ID number</source>
        <translation>Số CMND/CCCD</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="38"/>
        <source>Nationality</source>
        <translation>Quốc tịch</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="39"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="40"/>
        <source>Health insurance no.</source>
        <translation>Số thẻ BHYT</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="42"/>
        <source>Province code</source>
        <translation>Mã tỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="43"/>
        <source>District code</source>
        <translation>Mã huyện</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="45"/>
        <source>Ward code</source>
        <translation>Mã xã</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="46"/>
        <source>Vaccine</source>
        <translation>Tên vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="49"/>
        <source>Lot number</source>
        <translation>Lô vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="51"/>
        <source>Dose number</source>
        <translation>Mũi số</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="53"/>
        <source>Vaccination date</source>
        <translation>Ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="55"/>
        <source>Facility code</source>
        <translation>Mã cơ sở tiêm</translation>
    </message>
</context>
<context>
    <name>desktop.importer.load</name>
    <message>
        <location filename="../../desktop/importer/load.py" line="233"/>
        <source>{name}, born {dob}, dose {dose}, date {date}</source>
        <translation>{name}, sinh {dob}, mũi {dose}, ngày {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="225"/>
        <source>record id {ref}</source>
        <translation>mã {ref}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="230"/>
        <source>ID {id}, dose {dose}, date {date}</source>
        <translation>số giấy tờ {id}, mũi {dose}, ngày {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="106"/>
        <source>No column “{column}” for field {field}. Columns: {headers}</source>
        <translation>Không tìm thấy cột “{column}” cho trường {field}. Các cột: {headers}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="140"/>
        <source>{file} has no data.</source>
        <translation>Tệp {file} không có dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="144"/>
        <source>No header row found in {file}. Needed: {required}. Headers seen: {seen}. Map the columns (in the Import window, or --map field=column).</source>
        <translation>Không tìm thấy dòng tiêu đề trong {file}. Cần các cột: {required}. Các tiêu đề thấy được: {seen}. Hãy chọn cột cho từng trường (trong cửa sổ Nhập, hoặc --map trường=cột).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="155"/>
        <source>{file} lacks required columns: {missing}. Headers seen: {seen}. Add them, or map the columns (in the Import window, or --map field=column).</source>
        <translation>Tệp {file} thiếu cột bắt buộc: {missing}. Các tiêu đề thấy được: {seen}. Hãy thêm cột, hoặc chọn cột tương ứng (trong cửa sổ Nhập, hoặc --map trường=cột).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="164"/>
        <source>Cannot tell the column delimiter of {file}.</source>
        <translation>Không nhận ra dấu phân cách cột trong {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="293"/>
        <source>{file} has a header but no data rows.</source>
        <translation>Tệp {file} chỉ có dòng tiêu đề, không có dòng dữ liệu nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="88"/>
        <source>There is no field {field}. Fields: {fields}</source>
        <translation>Không có trường {field}. Các trường: {fields}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="286"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="332"/>
        <source>Row {row}</source>
        <translation>Dòng {row}</translation>
    </message>
</context>
<context>
    <name>desktop.importer.messages</name>
    <message>
        <location filename="../../desktop/importer/messages.py" line="87"/>
        <source>sex</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/messages.py" line="87"/>
        <source>century of birth</source>
        <translation>thế kỷ sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/messages.py" line="88"/>
        <source>year of birth</source>
        <translation>năm sinh</translation>
    </message>
</context>
<context>
    <name>desktop.importer.preview</name>
    <message>
        <location filename="../../desktop/importer/preview.py" line="129"/>
        <source>Write the date as dd/mm/yyyy (e.g. 31/12/2021).</source>
        <translation>Ghi ngày dạng dd/mm/yyyy (ví dụ 31/12/2021).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="130"/>
        <source>Write a 12-digit CCCD, a 9-digit CMND or a passport number; format the column as Text in Excel.</source>
        <translation>Ghi CCCD 12 số, CMND 9 số hoặc số hộ chiếu; định dạng cột là Văn bản (Text) trong Excel.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="149"/>
        <source>Correct the value as the message says.</source>
        <translation>Sửa giá trị theo lời nhắn.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="133"/>
        <source>Choose Nam (male) or Nữ (female).</source>
        <translation>Chọn Nam hoặc Nữ.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="134"/>
        <source>Pick the vaccine from the catalogue.</source>
        <translation>Chọn vắc xin trong danh mục.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="138"/>
        <source>Format the column as Text in Excel to keep the leading zeros.</source>
        <translation>Định dạng cột là Văn bản (Text) trong Excel để giữ số 0 ở đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="141"/>
        <source>Check the CCCD, sex and year of birth.</source>
        <translation>Kiểm tra số CCCD, giới tính và năm sinh.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="142"/>
        <source>Write a dose number from 1 to 10.</source>
        <translation>Ghi mũi số từ 1 đến 10.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="143"/>
        <source>Write the full name, without digits.</source>
        <translation>Ghi đúng họ và tên, không có chữ số.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="144"/>
        <source>Write a 2-letter country code (VN, KR, US…).</source>
        <translation>Ghi mã quốc gia 2 chữ cái (VN, KR, US…).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="145"/>
        <source>Fill in the missing value.</source>
        <translation>Điền giá trị còn thiếu.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="146"/>
        <source>Shorten the value.</source>
        <translation>Rút gọn giá trị.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="147"/>
        <source>Fill in at least one dose.</source>
        <translation>Điền ít nhất một mũi tiêm.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="156"/>
        <source>Excel date cells</source>
        <translation>ô ngày của Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="156"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="157"/>
        <source>yyyy-mm-dd</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="157"/>
        <source>Excel day numbers</source>
        <translation>số ngày của Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="245"/>
        <source>Row {row}, column “{column}”: {value} is an Excel day number, read as {date}. Check this date and format the column as Date (dd/mm/yyyy).</source>
        <translation>Dòng {row}, cột “{column}”: {value} là số ngày của Excel, được đọc thành {date}. Hãy kiểm tra lại ngày này và định dạng cột là Ngày (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="356"/>
        <source>dates as Excel day numbers</source>
        <translation>ngày ghi bằng số của Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="357"/>
        <source>dates in another form than their column</source>
        <translation>ngày khác kiểu trong cột</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="358"/>
        <source>sex not understood</source>
        <translation>giới tính không rõ</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="359"/>
        <source>vaccines not in the catalogue</source>
        <translation>vắc xin không có trong danh mục</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="360"/>
        <source>invalid ID numbers</source>
        <translation>số giấy tờ sai</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="361"/>
        <source>missing ID numbers</source>
        <translation>thiếu số giấy tờ</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="362"/>
        <source>ID numbers that lost leading zeros</source>
        <translation>số giấy tờ mất số 0 ở đầu</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="363"/>
        <source>CCCD disagreeing with sex/year of birth</source>
        <translation>CCCD không khớp giới tính/năm sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="364"/>
        <source>unreadable dates</source>
        <translation>ngày không đọc được</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="365"/>
        <source>two-digit years</source>
        <translation>năm chỉ có 2 chữ số</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="366"/>
        <source>vaccination dates with only a year</source>
        <translation>ngày tiêm chỉ có năm</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="367"/>
        <source>vaccination dates in the future</source>
        <translation>ngày tiêm ở tương lai</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="368"/>
        <source>vaccinated before birth</source>
        <translation>tiêm trước ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="369"/>
        <source>dates of birth before 1900</source>
        <translation>ngày sinh trước 1900</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="370"/>
        <source>dates of birth in the future</source>
        <translation>ngày sinh ở tương lai</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="371"/>
        <source>invalid dose numbers</source>
        <translation>mũi số sai</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="372"/>
        <source>invalid names</source>
        <translation>họ tên sai</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="373"/>
        <source>nationality not understood</source>
        <translation>quốc tịch không rõ</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="374"/>
        <source>required cells empty</source>
        <translation>ô bắt buộc còn trống</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="375"/>
        <source>values too long</source>
        <translation>giá trị quá dài</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="376"/>
        <source>rows without a dose</source>
        <translation>dòng không có mũi tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="340"/>
        <source>Column “{column}” writes dates in several forms: {forms}. Use dd/mm/yyyy throughout so that day and month are not confused.</source>
        <translation>Cột “{column}” ghi ngày theo nhiều kiểu: {forms}. Hãy thống nhất một kiểu dd/mm/yyyy để tránh đọc nhầm ngày và tháng.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="280"/>
        <source>Row {row}</source>
        <translation>Dòng {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="347"/>
        <source>Row {row}, column “{column}”: “{value}” is written as {form}, unlike most of the column ({main}). Write it as dd/mm/yyyy.</source>
        <translation>Dòng {row}, cột “{column}”: “{value}” ghi theo kiểu {form}, khác với phần lớn cột ({main}). Hãy ghi dạng dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>desktop.overview.picture</name>
    <message>
        <location filename="../../desktop/overview/picture.py" line="20"/>
        <source>Loaded</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="21"/>
        <source>Needs review</source>
        <translation>Cần đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="22"/>
        <source>Ready to sign</source>
        <translation>Sẵn sàng ký</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="23"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="24"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="25"/>
        <source>Certified</source>
        <translation>Đã cấp chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="26"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="208"/>
        <source>{n} records ready to sign, waiting for a signer</source>
        <translation>{n} bản ghi sẵn sàng ký, chờ người ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="195"/>
        <source>{n} records need review</source>
        <translation>{n} bản ghi cần đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="197"/>
        <source>{n} records not yet checked against the registry</source>
        <translation>{n} bản ghi chưa kiểm tra với CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="199"/>
        <source>{n} records ready to sign</source>
        <translation>{n} bản ghi sẵn sàng ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="201"/>
        <source>{n} signed records waiting to be sent</source>
        <translation>{n} bản ghi đã ký, chờ gửi lên hệ thống trung ương</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="203"/>
        <source>{n} sent records waiting for certificates</source>
        <translation>{n} bản ghi đã gửi, chờ nhận chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="230"/>
        <source>No lists yet: import today's vaccination list</source>
        <translation>Chưa có danh sách nào: hãy nhập danh sách tiêm hôm nay</translation>
    </message>
</context>
<context>
    <name>desktop.printing.pdf</name>
    <message>
        <location filename="../../desktop/printing/pdf.py" line="56"/>
        <source>There is no layout "{layout}"; choose a4 or card.</source>
        <translation>Không có kiểu trang "{layout}"; chọn a4 hoặc card.</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/pdf.py" line="61"/>
        <source>There is no certificate to print.</source>
        <translation>Không có chứng nhận nào để in.</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/pdf.py" line="97"/>
        <source>Cannot write the PDF file {file}: {err}</source>
        <translation>Không ghi được tệp PDF {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.printing.raster</name>
    <message>
        <location filename="../../desktop/printing/raster.py" line="49"/>
        <source>No PDF renderer (pypdfium2 or pdftoppm) is installed for preview and printing.</source>
        <translation>Không có công cụ hiển thị PDF (pypdfium2 hoặc pdftoppm) để xem trước và in.</translation>
    </message>
</context>
<context>
    <name>desktop.private</name>
    <message>
        <location filename="../../desktop/private.py" line="35"/>
        <source>{path} belongs to another account of this computer or its permissions cannot be changed, so others could read the personal data in it. Ask IT to make you its owner (chown), or choose another workspace folder.</source>
        <translation>{path} thuộc về một tài khoản khác của máy tính hoặc không đổi được quyền truy cập, nên người khác có thể đọc dữ liệu cá nhân trong đó. Hãy nhờ bộ phận CNTT chuyển quyền sở hữu cho bạn (chown) hoặc chọn thư mục làm việc khác.</translation>
    </message>
</context>
<context>
    <name>desktop.registry.check</name>
    <message>
        <location filename="../../desktop/registry/check.py" line="85"/>
        <source>{done} records checked: {matched} matched, {mismatch} mismatched, {not_found} not found, {invalid} invalid IDs.</source>
        <translation>Đã kiểm tra {done} bản ghi: {matched} khớp, {mismatch} lệch, {not_found} không tìm thấy, {invalid} số định danh không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="121"/>
        <source>The population registry address is not set. Enter the address and token in Settings.</source>
        <translation>Chưa cài đặt địa chỉ CSDL dân cư. Hãy nhập địa chỉ và khoá truy cập trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="97"/>
        <source>{n} records not checked: {why}; will retry.</source>
        <translation>{n} bản ghi chưa được kiểm tra: {why}; sẽ thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="103"/>
        <source>No records need checking.</source>
        <translation>Không có bản ghi nào cần kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="356"/>
        <source>Checking with the population registry…</source>
        <translation>Đang kiểm tra với CSDL dân cư…</translation>
    </message>
</context>
<context>
    <name>desktop.registry.client</name>
    <message>
        <location filename="../../desktop/registry/client.py" line="219"/>
        <source>The population registry refused the facility's access token (HTTP {status}). Check the registry address and token in Settings, then check again.</source>
        <translation>CSDL dân cư từ chối khoá truy cập của cơ sở (HTTP {status}). Hãy kiểm tra địa chỉ và khoá truy cập CSDL dân cư trong Cài đặt, rồi kiểm tra lại.</translation>
    </message>
</context>
<context>
    <name>desktop.registry.connection</name>
    <message>
        <location filename="../../desktop/registry/connection.py" line="13"/>
        <source>population registry</source>
        <translation>CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="30"/>
        <source>The registry answered HTTP {status}; try again later.</source>
        <translation>CSDL dân cư trả lời HTTP {status}; thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="15"/>
        <source>No registry address is set.</source>
        <translation>Chưa nhập địa chỉ CSDL dân cư.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="24"/>
        <source>The registry refused the access token (HTTP {status}); check the facility's token.</source>
        <translation>CSDL dân cư từ chối mã truy cập (HTTP {status}); kiểm tra mã truy cập của cơ sở.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="29"/>
        <source>The registry is reachable.</source>
        <translation>Kết nối CSDL dân cư tốt.</translation>
    </message>
</context>
<context>
    <name>desktop.reports.chart</name>
    <message>
        <location filename="../../desktop/reports/chart.py" line="53"/>
        <source>By list</source>
        <translation>Theo danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/chart.py" line="53"/>
        <source>By vaccination day</source>
        <translation>Theo ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/chart.py" line="58"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/chart.py" line="61"/>
        <source>No records yet</source>
        <translation>Chưa có bản ghi nào</translation>
    </message>
</context>
<context>
    <name>desktop.reports.day</name>
    <message>
        <location filename="../../desktop/reports/day.py" line="117"/>
        <source>"{text}" is not a valid date (dd/mm/yyyy or yyyy-mm-dd).</source>
        <translation>"{text}" không phải là ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/day.py" line="102"/>
        <source>The end day {end} is before the start day {start}.</source>
        <translation>Ngày kết thúc {end} trước ngày bắt đầu {start}.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/day.py" line="171"/>
        <source>(corrections)</source>
        <translation>(đính chính)</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/day.py" line="142"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>desktop.reports.labels</name>
    <message>
        <location filename="../../desktop/reports/labels.py" line="11"/>
        <source>COVID-19 vaccination certificate report</source>
        <translation>Báo cáo cấp chứng nhận tiêm chủng COVID-19</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="29"/>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="30"/>
        <source>Imported</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="31"/>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="32"/>
        <source>Rows rejected at loading</source>
        <translation>Dòng bị loại khi nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="33"/>
        <source>Signed</source>
        <translation>Đã ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="34"/>
        <source>Certified</source>
        <translation>Đã cấp</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="35"/>
        <source>Printed</source>
        <translation>Đã in</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="36"/>
        <source>Vaccination day</source>
        <translation>Ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="37"/>
        <source>Vaccine</source>
        <translation>Vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="38"/>
        <source>Dose</source>
        <translation>Mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="39"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="40"/>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="41"/>
        <source>Created</source>
        <translation>Lập lúc</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="43"/>
        <source>Loading and registry check</source>
        <translation>Nạp và kiểm tra với CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="44"/>
        <source>Review decisions</source>
        <translation>Quyết định đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="45"/>
        <source>Progress (as on the Overview)</source>
        <translation>Tiến độ (như trang Tổng quan)</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="46"/>
        <source>By vaccination day</source>
        <translation>Theo ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="47"/>
        <source>By vaccine and dose</source>
        <translation>Theo vắc xin và mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="14"/>
        <source>Unchecked</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="15"/>
        <source>Matched</source>
        <translation>Khớp</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="16"/>
        <source>Mismatch</source>
        <translation>Sai lệch</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="17"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="18"/>
        <source>Invalid ID</source>
        <translation>Số định danh sai</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="22"/>
        <source>Accept registry</source>
        <translation>Theo CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="23"/>
        <source>Keep list</source>
        <translation>Giữ theo danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="24"/>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="25"/>
        <source>Reject</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="26"/>
        <source>Defer</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>desktop.reports.register</name>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>UVCI</source>
        <translation>UVCI</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>Vaccine</source>
        <translation>Vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="34"/>
        <source>Dose</source>
        <translation>Mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="34"/>
        <source>Vaccination date</source>
        <translation>Ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="34"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="38"/>
        <source>Valid</source>
        <translation>Còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="39"/>
        <source>Expired</source>
        <translation>Hết hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="40"/>
        <source>Superseded</source>
        <translation>Đã thay thế</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="41"/>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="103"/>
        <source>Writing the certificate register</source>
        <translation>Đang ghi sổ chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="98"/>
        <source>The register can be written as xlsx or csv, not "{fmt}".</source>
        <translation>Sổ chứng nhận chỉ xuất được dạng xlsx hoặc csv, không phải "{fmt}".</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="120"/>
        <source>Certificate register</source>
        <translation>Sổ chứng nhận</translation>
    </message>
</context>
<context>
    <name>desktop.reports.workbook</name>
    <message>
        <location filename="../../desktop/reports/workbook.py" line="104"/>
        <source>Cannot write the file {file}: {err}</source>
        <translation>Không ghi được tệp {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/workbook.py" line="60"/>
        <source>By list</source>
        <translation>Theo danh sách</translation>
    </message>
</context>
<context>
    <name>desktop.retention.__init__</name>
    <message>
        <location filename="../../desktop/retention/__init__.py" line="77"/>
        <source>No retention period is set (retention_days); nothing is purged.</source>
        <translation>Chưa đặt thời hạn lưu giữ (retention_days); không xoá gì.</translation>
    </message>
</context>
<context>
    <name>desktop.review.decisions</name>
    <message>
        <location filename="../../desktop/review/decisions.py" line="71"/>
        <source>Accept the registry's values</source>
        <translation>Chấp nhận dữ liệu CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="72"/>
        <source>Keep the list's values</source>
        <translation>Giữ dữ liệu danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="73"/>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="74"/>
        <source>Reject</source>
        <translation>Loại khỏi ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="75"/>
        <source>Defer</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="273"/>
        <source>{who} decided the record of row {row} at {when}: “{what}”{why}. Your decision was not recorded; the record has been reloaded, look at it again.</source>
        <translation>{who} đã quyết định bản ghi dòng {row} lúc {when}: “{what}”{why}. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="255"/>
        <source>The record of row {row} changed since you opened it (version {seen} → {version}), perhaps checked again on another workstation. Your decision was not recorded; the record has been reloaded, look at it again.</source>
        <translation>Bản ghi dòng {row} đã thay đổi từ khi bạn mở (phiên bản {seen} → {version}): có thể vừa được kiểm tra lại ở máy khác. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="267"/>
        <source>{who} has just undone the decision “{what}” on the record of row {row} at {when}. Your decision was not recorded; the record has been reloaded, look at it again.</source>
        <translation>{who} vừa hoàn tác quyết định “{what}” trên bản ghi dòng {row} lúc {when}. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="121"/>
        <source>malformed</source>
        <translation>sai định dạng</translation>
    </message>
</context>
<context>
    <name>desktop.review.queue</name>
    <message>
        <location filename="../../desktop/review/queue.py" line="282"/>
        <source>Not checked</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="283"/>
        <source>Matched</source>
        <translation>Khớp</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="284"/>
        <source>Mismatch</source>
        <translation>Sai lệch</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="285"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="286"/>
        <source>Invalid ID</source>
        <translation>Số định danh không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="287"/>
        <source>Rejected by the central service</source>
        <translation>Trung ương từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="288"/>
        <source>Deferred</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="291"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="292"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="293"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="294"/>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="297"/>
        <source>Name: case/spacing</source>
        <translation>Họ tên: khác chữ hoa/khoảng trắng</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="298"/>
        <source>Name: accents</source>
        <translation>Họ tên: khác dấu</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="299"/>
        <source>Name: word order</source>
        <translation>Họ tên: khác thứ tự</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="300"/>
        <source>Name: middle name</source>
        <translation>Họ tên: thừa/thiếu tên đệm</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="301"/>
        <source>Name: typo</source>
        <translation>Họ tên: lỗi gõ</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="302"/>
        <source>Name: different</source>
        <translation>Họ tên: khác hẳn</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="303"/>
        <source>DOB: partial</source>
        <translation>Ngày sinh: chỉ có năm/tháng</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="304"/>
        <source>DOB: day/month swapped</source>
        <translation>Ngày sinh: đảo ngày/tháng</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="305"/>
        <source>DOB: 01/01 placeholder</source>
        <translation>Ngày sinh: 01/01 điền thay</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="306"/>
        <source>DOB: different</source>
        <translation>Ngày sinh: khác</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="307"/>
        <source>Sex: different</source>
        <translation>Giới tính: khác</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="308"/>
        <source>ID: old CMND linked to CCCD</source>
        <translation>Số định danh: CMND cũ đã chuyển CCCD</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="309"/>
        <source>ID: inconsistent with sex/year</source>
        <translation>Số định danh: không khớp giới tính/năm sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="76"/>
        <source>There is no difference kind {kind}. Kinds: {known}</source>
        <translation>Không có loại khác biệt {kind}. Các loại: {known}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="100"/>
        <source>There is no queue status {status}. Statuses: {known}</source>
        <translation>Không có trạng thái {status} trong hàng chờ. Các trạng thái: {known}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="275"/>
        <source>There is no record {id}</source>
        <translation>Không có bản ghi {id}</translation>
    </message>
</context>
<context>
    <name>desktop.settings</name>
    <message>
        <location filename="../../desktop/settings.py" line="174"/>
        <location filename="../../desktop/settings.py" line="120"/>
        <source>There is no setting {key}</source>
        <translation>Không có cài đặt {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="156"/>
        <source>Value {value!r} is not valid for {key}</source>
        <translation>Giá trị {value!r} không hợp lệ cho {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="190"/>
        <source>a value</source>
        <translation>một giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="102"/>
        <source>Cannot read the settings file {file}: {err}</source>
        <translation>Không đọc được tệp cài đặt {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="189"/>
        <source>a whole number</source>
        <translation>một số nguyên</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="189"/>
        <source>a number</source>
        <translation>một số</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="190"/>
        <source>yes/no</source>
        <translation>có/không</translation>
    </message>
</context>
<context>
    <name>desktop.settings_changes</name>
    <message>
        <location filename="../../desktop/settings_changes.py" line="34"/>
        <source>{n} settings are not valid:
{list}</source>
        <translation>Có {n} cài đặt không hợp lệ:
{list}</translation>
    </message>
</context>
<context>
    <name>desktop.signing.batch</name>
    <message>
        <location filename="../../desktop/signing/batch.py" line="170"/>
        <source>ready to sign</source>
        <translation>đang chờ ký</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="167"/>
        <source>from the list of {day}</source>
        <translation>của danh sách {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="169"/>
        <source>vaccinated on {day}</source>
        <translation>tiêm ngày {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="207"/>
        <source>No record is ready to sign.</source>
        <translation>Không có bản ghi nào sẵn sàng để ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="337"/>
        <source>Some records changed while signing (in another window or computer). This batch was not signed; sign again.</source>
        <translation>Một số bản ghi vừa được thay đổi trong khi ký (ở cửa sổ hoặc máy khác). Lô này chưa được ký; hãy ký lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="219"/>
        <source>Opening the USB token…</source>
        <translation>Đang mở USB token…</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="223"/>
        <source>Signing batch {n} of {m}…</source>
        <translation>Đang ký lô {n}/{m}…</translation>
    </message>
</context>
<context>
    <name>desktop.signing.certcheck</name>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="58"/>
        <source>The certificate of "{holder}" is valid only from {start}; it cannot sign yet.</source>
        <translation>Chứng thư số của "{holder}" chỉ có hiệu lực từ {start}. Chưa thể ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="65"/>
        <source>The certificate of "{holder}" expired on {end}. Renew it with the issuing CA.</source>
        <translation>Chứng thư số của "{holder}" đã hết hạn ngày {end}. Hãy gia hạn với nhà cung cấp chữ ký số (CA).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="72"/>
        <source>The certificate of "{holder}" is not allowed to sign (no digitalSignature/nonRepudiation key usage).</source>
        <translation>Chứng thư số của "{holder}" không được phép dùng để ký (thiếu digitalSignature/nonRepudiation).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="79"/>
        <source>The workspace has no facility code (setting facility_code).</source>
        <translation>Chưa cài đặt mã cơ sở (facility_code) của thư mục làm việc.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="86"/>
        <source>The certificate on the token belongs to "{holder}" (facility {codes}), not to facility {code} of this workspace. Insert this facility's token.</source>
        <translation>Chứng thư số trên token thuộc "{holder}" (mã cơ sở {codes}), không phải cơ sở {code} của thư mục làm việc này. Hãy cắm đúng token của cơ sở.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.connection</name>
    <message>
        <location filename="../../desktop/signing/connection.py" line="65"/>
        <source>Tokens found: {labels}.</source>
        <translation>Thấy USB ký số: {labels}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="39"/>
        <source>No PKCS#11 module of the signing token is set.</source>
        <translation>Chưa chọn mô-đun PKCS#11 của USB ký số.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="57"/>
        <source>The module loaded but sees no token; plug the token in.</source>
        <translation>Mô-đun đã nạp nhưng không thấy USB ký số nào; hãy cắm USB.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="61"/>
        <source>No token labelled “{label}” is present; present: {labels}.</source>
        <translation>Không thấy USB ký số có nhãn “{label}”; đang cắm: {labels}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="51"/>
        <source>Could not load the module {module} ({err}). Check the token's software.</source>
        <translation>Không nạp được mô-đun {module} ({err}). Kiểm tra phần mềm của USB ký số.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.handler</name>
    <message>
        <location filename="../../desktop/signing/handler.py" line="60"/>
        <source>Sign {n_en} records {scope}? {held_en} held for review.</source>
        <translation>Ký {n_vi} bản ghi {scope}? {held_vi} bản ghi đang chờ đối chiếu.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="34"/>
        <source>Enter the PIN of USB token "{label}" (serial {serial}).</source>
        <translation>Nhập mã PIN của USB token "{label}" (số sê-ri {serial}).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="38"/>
        <source>Certificate: {holder}</source>
        <translation>Chứng thư số: {holder}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="66"/>
        <source>They will be signed as {b} batches, one token signature each.</source>
        <translation>Sẽ ký thành {b} lô, mỗi lô một lần ký trên token.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="69"/>
        <source>{c} of them are corrections (separate batches).</source>
        <translation>Trong đó {c} bản ghi đính chính (lô riêng).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="72"/>
        <source>Facilities: {f}</source>
        <translation>Cơ sở: {f}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="115"/>
        <source>No PIN given: use --pin-stdin (one line on stdin) or the environment variable {env}.</source>
        <translation>Chưa có mã PIN: dùng --pin-stdin (một dòng trên stdin) hoặc biến môi trường {env}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="106"/>
        <source>Wrong PIN.</source>
        <translation>Sai mã PIN.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.modules</name>
    <message>
        <location filename="../../desktop/signing/modules.py" line="67"/>
        <source>No PKCS#11 module is set for the USB token. In Settings → Token choose the vendor (VNPT-CA, Viettel-CA, …) or enter the module's path.</source>
        <translation>Chưa chọn thư viện PKCS#11 của USB token. Vào Cài đặt → Token để chọn nhà cung cấp (VNPT-CA, Viettel-CA, …) hoặc nhập đường dẫn tệp.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/modules.py" line="78"/>
        <source>The {name} module is not installed ({paths}). Install the vendor's token software or enter the module's path in Settings.</source>
        <translation>Không tìm thấy thư viện của {name} ({paths}). Hãy cài phần mềm token của nhà cung cấp hoặc nhập đường dẫn tệp trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/modules.py" line="86"/>
        <source>There is no PKCS#11 module at {path}. Install the token software or correct the path in Settings.</source>
        <translation>Không có thư viện PKCS#11 tại {path}. Hãy cài phần mềm token hoặc sửa đường dẫn trong Cài đặt.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.presign</name>
    <message>
        <location filename="../../desktop/signing/presign.py" line="39"/>
        <source>names that cannot be written in ICAO letters</source>
        <translation>tên không viết được bằng chữ Latinh ICAO</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="40"/>
        <source>data outside the DCC certificate's rules</source>
        <translation>dữ liệu ngoài quy định của chứng nhận DCC</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="41"/>
        <source>the same person's dose twice</source>
        <translation>cùng người, cùng mũi tiêm hai lần</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="42"/>
        <source>of facilities this workspace does not sign for</source>
        <translation>của cơ sở không thuộc phạm vi ký</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="181"/>
        <source>dose {dn} of this person is already signed (vaccinated {date}); to change it, correct the certificate</source>
        <translation>mũi {dn} của người này đã được ký (ngày tiêm {date}); nếu cần sửa, hãy đính chính chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="185"/>
        <source>dose {dn} of this person is also on row {other} (vaccinated {date}); reject one of them</source>
        <translation>mũi {dn} của người này đã có ở dòng {other} (ngày tiêm {date}); hãy loại một trong hai</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="119"/>
        <source>“{name}” has letters outside the Latin alphabet ({chars}); enter the name in Latin letters as in the passport</source>
        <translation>“{name}” có chữ không phải chữ Latinh ({chars}); hãy nhập tên bằng chữ Latinh như trên hộ chiếu</translation>
    </message>
</context>
<context>
    <name>desktop.signing.token</name>
    <message>
        <location filename="../../desktop/signing/token.py" line="129"/>
        <location filename="../../desktop/signing/token.py" line="417"/>
        <source>Wrong PIN.</source>
        <translation>Sai mã PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="71"/>
        <source>The USB token was removed or disconnected while signing. No record of this batch was signed; insert the token again and sign again.</source>
        <translation>USB token đã bị rút ra hoặc mất kết nối trong khi ký. Không bản ghi nào của lô này được ký; hãy cắm lại token và ký lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="101"/>
        <source>The USB token reported {err}. Remove it, insert it again and retry.</source>
        <translation>USB token báo lỗi {err}. Hãy rút ra, cắm lại và thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="109"/>
        <source>The USB token's PIN is locked after too many wrong PINs. It must be unlocked by the issuing CA.</source>
        <translation>Mã PIN của USB token đã bị khóa do nhập sai quá nhiều lần. Token phải được nhà cung cấp chữ ký số (CA) đã cấp mở khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="124"/>
        <source>Wrong PIN. 1 try left: one more wrong PIN locks the token, and only the CA can unlock it.</source>
        <translation>Sai mã PIN. Chỉ còn 1 lần thử: nếu nhập sai lần nữa, token sẽ bị khóa và phải nhờ CA mở khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="127"/>
        <source>Wrong PIN. The token says only a few tries are left before it locks.</source>
        <translation>Sai mã PIN. Token báo chỉ còn ít lần thử trước khi bị khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="134"/>
        <source>Warning: this is the last try before the token locks.</source>
        <translation>Cảnh báo: đây là lần thử cuối cùng trước khi token bị khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="86"/>
        <source>The USB token is busy (another program is using it). Close the other signing program and try again.</source>
        <translation>USB token đang bận (một chương trình khác đang dùng). Hãy đóng chương trình ký số khác rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="95"/>
        <source>The USB token does not support the signing algorithm ({err}). Try the setting signing_algorithm = RS256.</source>
        <translation>USB token không hỗ trợ thuật toán ký cần dùng ({err}). Thử cài đặt signing_algorithm = RS256.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="214"/>
        <source>No facility certificate was found on the USB token. Check the token with the issuing CA.</source>
        <translation>Không tìm thấy chứng thư số của cơ sở trên USB token. Hãy kiểm tra token với nhà cung cấp (CA).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="426"/>
        <source>The key on the token is of type {t}, which is not supported (RSA or EC P-256 needed).</source>
        <translation>Khóa trên token có kiểu {t} không được hỗ trợ (cần RSA hoặc EC P-256).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="163"/>
        <source>Cannot load the PKCS#11 module {path}. Reinstall the USB token's software or check the path.</source>
        <translation>Không nạp được thư viện PKCS#11 {path}. Hãy cài lại phần mềm của USB token hoặc kiểm tra đường dẫn.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="174"/>
        <source>No USB token{which} is present. Insert the token and try again.</source>
        <translation>Không thấy USB token{which}. Hãy cắm token vào máy và thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="181"/>
        <source>Several USB tokens are inserted. Choose the token's label or serial in Settings (token_label, token_serial), or remove the others.</source>
        <translation>Có nhiều USB token đang cắm. Hãy chọn nhãn hoặc số sê-ri của token trong Cài đặt (token_label, token_serial), hoặc rút bớt token.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="435"/>
        <source>The token does not support RSA-PSS; signing with RS256 (PKCS#1 v1.5).</source>
        <translation>Token không hỗ trợ RSA-PSS; sẽ ký bằng RS256 (PKCS#1 v1.5).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="342"/>
        <source>The token holds no private key matching the certificate (CKA_ID {id}).</source>
        <translation>Trên token không có khóa bí mật khớp với chứng thư số (CKA_ID {id}).</translation>
    </message>
</context>
<context>
    <name>desktop.sync.client</name>
    <message>
        <location filename="../../desktop/sync/client.py" line="242"/>
        <source>The central service sent an unreadable {what}. Will retry later.</source>
        <translation>Máy chủ trung ương gửi {what} không đọc được. Sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="263"/>
        <source>The central service refused the whole batch ({code}): {reason}</source>
        <translation>Máy chủ trung ương từ chối cả lô ({code}): {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="58"/>
        <source>The central service did not accept the facility's credential (central_token): missing, wrong or replaced. Enter the current one in Settings; the batches stay queued.</source>
        <translation>Máy chủ trung ương không chấp nhận thông tin xác thực của cơ sở (central_token): thiếu, sai hoặc đã được cấp lại. Hãy nhập thông tin mới trong Cài đặt; các lô vẫn chờ gửi.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="252"/>
        <location filename="../../desktop/sync/client.py" line="221"/>
        <source>The central service answered HTTP {status} without a reason. Will retry later.</source>
        <translation>Máy chủ trung ương trả lời HTTP {status} không rõ lý do. Sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="82"/>
        <source>The central service address (central_url) is not set. Enter it in Settings.</source>
        <translation>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="145"/>
        <source>audit anchor list</source>
        <translation>danh sách mốc nhật ký</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="157"/>
        <source>certificate status</source>
        <translation>trạng thái chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="166"/>
        <source>revocation receipt</source>
        <translation>xác nhận thu hồi</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="172"/>
        <source>trust list</source>
        <translation>danh sách tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="178"/>
        <source>revocation list</source>
        <translation>danh sách thu hồi</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="188"/>
        <source>batch result</source>
        <translation>kết quả lô</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="212"/>
        <source>The central service is having trouble (HTTP {status}). Will retry later.</source>
        <translation>Máy chủ trung ương đang gặp sự cố (HTTP {status}). Sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="196"/>
        <source>The central service did not answer in time ({url}). Will retry later.</source>
        <translation>Máy chủ trung ương không trả lời kịp thời ({url}). Sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="202"/>
        <source>Cannot reach the central service ({url}): the network or the service is down. Will retry later.</source>
        <translation>Không kết nối được máy chủ trung ương ({url}): mạng hoặc máy chủ đang ngừng. Sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="226"/>
        <source>answer</source>
        <translation>câu trả lời</translation>
    </message>
</context>
<context>
    <name>desktop.sync.connection</name>
    <message>
        <location filename="../../desktop/sync/connection.py" line="13"/>
        <source>central service</source>
        <translation>hệ thống trung ương</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/connection.py" line="24"/>
        <source>The central service answered HTTP {status}; try again later or check the address.</source>
        <translation>Hệ thống trung ương trả lời HTTP {status}; thử lại sau hoặc kiểm tra địa chỉ.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/connection.py" line="15"/>
        <source>No central service address is set.</source>
        <translation>Chưa nhập địa chỉ hệ thống trung ương.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/connection.py" line="22"/>
        <source>The central service is reachable.</source>
        <translation>Kết nối hệ thống trung ương tốt.</translation>
    </message>
</context>
<context>
    <name>desktop.sync.engine</name>
    <message>
        <location filename="../../desktop/sync/engine.py" line="259"/>
        <source>ALARM: certificates received for batch {batch} do not match the signed data or were not signed by the central service ({n} records, e.g. record {record}: {what}). No certificate of this batch was stored; tell your IT staff at once.</source>
        <translation>CẢNH BÁO: chứng nhận nhận về cho lô {batch} không khớp dữ liệu đã ký hoặc không được ký bởi máy chủ trung ương ({n} bản ghi, ví dụ bản ghi {record}: {what}). Không lưu chứng nhận nào của lô này; hãy báo ngay cho bộ phận CNTT.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="320"/>
        <source>The central service address (central_url) is not set. Enter it in Settings.</source>
        <translation>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="233"/>
        <source>ALARM: the central service sent a second certificate ({received}) for record {record}, which already has {held}. Nothing from batch {batch} was stored; tell your IT staff.</source>
        <translation>CẢNH BÁO: máy chủ trung ương gửi chứng nhận thứ hai ({received}) cho bản ghi {record} đã có chứng nhận {held}. Không lưu gì từ lô {batch}; hãy báo cho bộ phận CNTT.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="195"/>
        <source>The central service answered for another batch. Will retry later.</source>
        <translation>Máy chủ trung ương trả kết quả của lô khác. Sẽ thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="180"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
</context>
<context>
    <name>desktop.sync.revocations</name>
    <message>
        <location filename="../../desktop/sync/revocations.py" line="29"/>
        <source>The central service refused the revocation ({code}): {reason}</source>
        <translation>Máy chủ trung ương từ chối thu hồi ({code}): {reason}</translation>
    </message>
</context>
<context>
    <name>desktop.sync.store</name>
    <message>
        <location filename="../../desktop/sync/store.py" line="177"/>
        <source>the answer lacks results for {n} records (e.g. record {r})</source>
        <translation>câu trả lời thiếu kết quả cho {n} bản ghi (ví dụ bản ghi {r})</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/store.py" line="153"/>
        <source>the answer has a result for a record not in the batch (position {i})</source>
        <translation>câu trả lời có kết quả cho bản ghi không có trong lô (vị trí {i})</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/store.py" line="172"/>
        <source>unknown result "{s}" for record {r}</source>
        <translation>kết quả không rõ "{s}" cho bản ghi {r}</translation>
    </message>
</context>
<context>
    <name>desktop.sync.verify</name>
    <message>
        <location filename="../../desktop/sync/verify.py" line="152"/>
        <source>field {field} differs from the signed data: signed "{expected}", received "{received}"</source>
        <translation>trường {field} khác dữ liệu đã ký: đã ký "{expected}", nhận "{received}"</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/verify.py" line="145"/>
        <source>signed with a key that is not on the trust list (kid {kid})</source>
        <translation>chữ ký bằng khoá không có trong danh sách tin cậy (kid {kid})</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/verify.py" line="148"/>
        <source>the signature does not verify</source>
        <translation>chữ ký không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/verify.py" line="150"/>
        <source>the certificate cannot be read ({detail})</source>
        <translation>không đọc được chứng nhận ({detail})</translation>
    </message>
</context>
<context>
    <name>desktop.updates.bundle</name>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="34"/>
        <source>EU DCC value sets</source>
        <translation>Bộ mã EU DCC (value sets)</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="35"/>
        <source>Vaccine table</source>
        <translation>Bảng vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="36"/>
        <source>Trust list</source>
        <translation>Danh sách tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="89"/>
        <source>The update signing key must be Ed25519 or ECDSA P-256.</source>
        <translation>Khoá ký bản cập nhật phải là Ed25519 hoặc ECDSA P-256.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="63"/>
        <source>The version "{version}" is not valid (use the form 2.13.0).</source>
        <translation>Phiên bản "{version}" không hợp lệ (dạng 2.13.0).</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="96"/>
        <source>There is no update kind "{kind}".</source>
        <translation>Không có loại cập nhật "{kind}".</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="84"/>
        <source>The public key file is unreadable (PEM needed).</source>
        <translation>Tệp khoá công khai không đọc được (cần PEM).</translation>
    </message>
</context>
<context>
    <name>desktop.updates.fetch</name>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="24"/>
        <source>The central service address (central_url) is not set. Enter it in Settings.</source>
        <translation>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="41"/>
        <source>The central service answered {status} when asked for the {kind} update.</source>
        <translation>Máy chủ trung ương trả lời {status} khi lấy bản cập nhật {kind}.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="45"/>
        <source>The update is too large.</source>
        <translation>Bản cập nhật quá lớn.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="35"/>
        <source>Cannot reach the central service {url}: {err}</source>
        <translation>Không kết nối được máy chủ trung ương {url}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.updates.store</name>
    <message>
        <location filename="../../desktop/updates/store.py" line="328"/>
        <source>The {what} update version {version} is not newer than the version in use ({current}); not applied.</source>
        <translation>Bản cập nhật {what} phiên bản {version} không mới hơn phiên bản đang dùng ({current}); không áp dụng.</translation>
    </message>
</context>
<context>
    <name>desktop.views.dialogs</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="69"/>
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="81"/>
        <source>Copy report</source>
        <translation>Sao chép báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="71"/>
        <source>VaxDesk hit an unexpected error. Your data is unchanged. You may copy the report for your IT staff; VaxDesk sends nothing by itself.</source>
        <translation>VaxDesk gặp lỗi không mong muốn. Dữ liệu đã được giữ nguyên. Bạn có thể sao chép báo cáo để gửi cho bộ phận CNTT; VaxDesk không tự gửi gì.</translation>
    </message>
</context>
<context>
    <name>desktop.views.errors</name>
    <message>
        <location filename="../../desktop/views/errors.py" line="21"/>
        <source>Could not be done</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>desktop.views.main_window</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="37"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="38"/>
        <source>Import</source>
        <translation>Nhập danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="39"/>
        <source>Review</source>
        <translation>Đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="40"/>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="41"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="42"/>
        <source>Certificates</source>
        <translation>Chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="43"/>
        <source>Verify</source>
        <translation>Kiểm tra mã QR</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="44"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="45"/>
        <source>Audit log</source>
        <translation>Nhật ký kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="122"/>
        <source>Stages of the day</source>
        <translation>Các bước trong ngày</translation>
    </message>
</context>
<context>
    <name>desktop.views.operations</name>
    <message>
        <location filename="../../desktop/views/operations.py" line="140"/>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operations.py" line="282"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.audit</name>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="42"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="43"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="44"/>
        <source>Person</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="45"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="46"/>
        <source>Entity</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="47"/>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="48"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="49"/>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="50"/>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="252"/>
        <source>{total} events; showing the newest {shown} (export CSV for all).</source>
        <translation>{total} sự kiện; hiện {shown} sự kiện mới nhất (xuất CSV để có tất cả).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="256"/>
        <source>{total} events</source>
        <translation>{total} sự kiện</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="295"/>
        <source>The log is intact: {n} events, {a} signed anchors agree.</source>
        <translation>Nhật ký nguyên vẹn: {n} sự kiện, {a} mốc đã ký khớp.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="299"/>
        <source>The log was altered at event {id} ({problem}). Tell the person responsible for security.</source>
        <translation>Nhật ký bị thay đổi từ sự kiện {id} ({problem}). Hãy báo cho người phụ trách an ninh.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="102"/>
        <source>Audit log</source>
        <translation>Nhật ký kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="105"/>
        <source>Only an administrator may read the audit log.</source>
        <translation>Chỉ quản trị viên được xem nhật ký kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="121"/>
        <source>account name</source>
        <translation>tên tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="123"/>
        <source>record number, batch id, UVCI…</source>
        <translation>số bản ghi, mã lô, UVCI…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="127"/>
        <source>any action</source>
        <translation>mọi thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="130"/>
        <source>By &amp;date</source>
        <translation>Theo &amp;ngày</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="138"/>
        <source>&amp;Person</source>
        <translation>&amp;Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="139"/>
        <source>&amp;Record / entity</source>
        <translation>&amp;Bản ghi / đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="140"/>
        <source>&amp;Action</source>
        <translation>&amp;Thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="155"/>
        <source>&amp;Filter</source>
        <translation>&amp;Lọc</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="158"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="160"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="162"/>
        <source>&amp;Check integrity</source>
        <translation>&amp;Kiểm tra tính toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="175"/>
        <source>Audit events</source>
        <translation>Các sự kiện của nhật ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="186"/>
        <source>Number of events</source>
        <translation>Số sự kiện</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="262"/>
        <source>Export the audit log</source>
        <translation>Xuất nhật ký kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="276"/>
        <location filename="../../desktop/views/pages/audit.py" line="278"/>
        <source>Exported {n} events to {out}</source>
        <translation>Đã xuất {n} sự kiện vào {out}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="271"/>
        <source>Exporting the log…</source>
        <translation>Đang xuất nhật ký…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="290"/>
        <source>Checking the log…</source>
        <translation>Đang kiểm tra nhật ký…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.backup_panel</name>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="174"/>
        <source>Saved {n} backup settings.</source>
        <translation>Đã lưu {n} cài đặt sao lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="177"/>
        <source>Backup passphrase</source>
        <translation>Mật khẩu sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="193"/>
        <source>The backup passphrase is set. Write it down and keep it safe: without it no backup can be restored.</source>
        <translation>Đã đặt mật khẩu sao lưu. Hãy ghi lại và cất ở nơi an toàn: không có nó, không khôi phục được.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="44"/>
        <source>For example E:\Backups (USB drive) or \\server\backups</source>
        <translation>Ví dụ: E:\SaoLuu (ổ USB) hoặc \\may-chu\saoluu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="46"/>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="47"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="52"/>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Thư mục sao lưu:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="55"/>
        <source>Backups to keep</source>
        <translation>Số bản sao lưu giữ lại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="56"/>
        <source>&amp;Keep (newest):</source>
        <translation>&amp;Giữ lại (bản mới nhất):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="59"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="60"/>
        <source>Personal data retention</source>
        <translation>Thời hạn lưu dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="61"/>
        <source>Keep personal data after &amp;certification:</source>
        <translation>Lưu dữ liệu cá nhân sau cấp &amp;chứng nhận:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="63"/>
        <source>After this period, `vaxdesk purge` removes names, ID numbers, phones… of certified records (0: never).</source>
        <translation>Sau thời hạn này, lệnh `vaxdesk purge` xoá họ tên, số định danh, điện thoại… của bản ghi đã cấp chứng nhận (0: không xoá).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="68"/>
        <source>Set the backup &amp;passphrase…</source>
        <translation>Đặt &amp;mật khẩu sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="73"/>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="75"/>
        <source>Last backup</source>
        <translation>Lần sao lưu gần nhất</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="76"/>
        <source>Last backup:</source>
        <translation>Lần sao lưu gần nhất:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="78"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="80"/>
        <source>Check a backup…</source>
        <translation>Kiểm tra một bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="82"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="92"/>
        <source>Backup result</source>
        <translation>Kết quả sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="94"/>
        <source>Restoring on a new PC: install VaxDesk, then run `vaxdesk restore FILE --to FOLDER` (IT staff; see docs/operations.md). A backup holds no token key, PIN or password.</source>
        <translation>Khôi phục trên máy mới: cài VaxDesk rồi chạy `vaxdesk restore TỆP --to THƯ-MỤC` (nhân viên IT; xem docs/operations.md). Bản sao lưu không chứa khoá của USB ký số, mã PIN hay mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="165"/>
        <source>Choose the backup folder</source>
        <translation>Chọn thư mục sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="178"/>
        <source>New passphrase (10 characters or more):</source>
        <translation>Mật khẩu mới (ít nhất 10 ký tự):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="182"/>
        <source>Repeat the passphrase:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="217"/>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="218"/>
        <source>VaxDesk backups (*.vxbak)</source>
        <translation>Bản sao lưu VaxDesk (*.vxbak)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="117"/>
        <source>set</source>
        <translation>đã đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="118"/>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="126"/>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="172"/>
        <source>Nothing has changed.</source>
        <translation>Không có thay đổi nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="186"/>
        <source>The two passphrases differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="199"/>
        <source>Save the changes before backing up.</source>
        <translation>Hãy lưu các thay đổi trước khi sao lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="206"/>
        <source>Backed up {n} records and {c} certificates to {file}.</source>
        <translation>Đã sao lưu {n} bản ghi, {c} chứng nhận vào {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="227"/>
        <source>The backup reads back: {n} records, {c} certificates; the audit log is intact ({e} events).</source>
        <translation>Bản sao lưu đọc được: {n} bản ghi, {c} chứng nhận; nhật ký kiểm tra nguyên vẹn ({e} sự kiện).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="213"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="235"/>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.certificates</name>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="72"/>
        <source>Valid</source>
        <translation>Hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="72"/>
        <source>Superseded</source>
        <translation>Đã thay thế</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="73"/>
        <location filename="../../desktop/views/pages/certificates.py" line="70"/>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="64"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="65"/>
        <source>Valid</source>
        <comment>variant 2</comment>
        <translation>Còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="66"/>
        <source>New, never printed</source>
        <translation>Mới, chưa in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="67"/>
        <source>Expiring soon</source>
        <translation>Sắp hết hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="68"/>
        <source>Expired</source>
        <translation>Đã hết hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="69"/>
        <source>Superseded</source>
        <comment>variant 2</comment>
        <translation>Đã được thay thế</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="77"/>
        <location filename="../../desktop/views/pages/certificates.py" line="198"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="78"/>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="79"/>
        <source>Vaccinated</source>
        <translation>Ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="80"/>
        <source>Certificate (UVCI)</source>
        <translation>Mã chứng nhận (UVCI)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="81"/>
        <source>Expires</source>
        <translation>Hết hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="82"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="83"/>
        <source>Printed</source>
        <translation>Số lần in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="100"/>
        <source>Revoke certificate</source>
        <translation>Thu hồi chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="100"/>
        <source>Why revoke {uvci} (issued in error…)? It stops being valid and is not replaced:</source>
        <translation>Lý do thu hồi {uvci} (cấp nhầm…). Chứng nhận sẽ mất hiệu lực, không có chứng nhận thay thế:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="113"/>
        <source>Print preview</source>
        <translation>Xem trước bản in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="198"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="199"/>
        <source>Dose number</source>
        <translation>Mũi tiêm số</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="199"/>
        <source>Doses in series</source>
        <translation>Tổng số mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="203"/>
        <source>Correct the certificate</source>
        <translation>Đính chính chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="222"/>
        <source>Reason (required)</source>
        <translation>Lý do (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="270"/>
        <source>Search by name (with or without marks), ID number, UVCI or date (dd/mm/yyyy)…</source>
        <translation>Tìm theo tên (có hoặc không dấu), số định danh, mã UVCI hoặc ngày (dd/mm/yyyy)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="278"/>
        <source>A4 page</source>
        <translation>Khổ A4</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="279"/>
        <source>Folded A5 card</source>
        <translation>Thẻ gấp A5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="289"/>
        <source>Show all certificates</source>
        <translation>Xem mọi chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="306"/>
        <source>Certificates</source>
        <translation>Danh sách chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="315"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="316"/>
        <source>Print preview…</source>
        <translation>Xem trước bản in…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="317"/>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="318"/>
        <source>Save all new as PDF…</source>
        <translation>Lưu PDF các chứng nhận mới…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="319"/>
        <source>Correct…</source>
        <translation>Đính chính…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="320"/>
        <source>Revoke…</source>
        <translation>Thu hồi…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="545"/>
        <source>Save certificates as PDF</source>
        <translation>Lưu chứng nhận thành PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="559"/>
        <source>Printed {n} certificates into {file}</source>
        <translation>Đã in {n} chứng nhận vào {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="629"/>
        <source>Correction created</source>
        <translation>Đã tạo bản đính chính</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="629"/>
        <source>Correction record {id} was created. Check, sign and sync it like new records; once its new certificate arrives, the old one is superseded.</source>
        <translation>Bản ghi đính chính số {id} đã được tạo. Hãy đối chiếu, ký số và đồng bộ như bản ghi mới; khi có chứng nhận mới, chứng nhận cũ sẽ bị thay thế.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="208"/>
        <source>The correction is checked against the population registry again, signed and sent like a new record; the old certificate is then superseded and can no longer be printed.</source>
        <translation>Bản đính chính được đối chiếu lại với CSDL dân cư, ký số và gửi như bản ghi mới; chứng nhận cũ sẽ bị thay thế và không in được nữa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="282"/>
        <source>Layout:</source>
        <translation>Mẫu in:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="447"/>
        <source>More than {n} certificates (newest first; scroll down for more)</source>
        <translation>Hơn {n} chứng nhận (mới nhất trước; cuộn xuống để xem thêm)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="451"/>
        <source>{n} certificates</source>
        <translation>{n} chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="524"/>
        <source>Not permitted</source>
        <translation>Không được phép</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="582"/>
        <source>printer</source>
        <translation>máy in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="643"/>
        <source>Confirm revocation</source>
        <translation>Xác nhận thu hồi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="643"/>
        <source>Revoke the certificate of {name} ({uvci})? This is signed with the USB token and cannot be undone.</source>
        <translation>Thu hồi chứng nhận của {name} ({uvci})? Việc này được ký bằng USB token và không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="660"/>
        <source>Revoked {uvci}</source>
        <translation>Đã thu hồi {uvci}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="265"/>
        <source>Certificates</source>
        <comment>variant 2</comment>
        <translation>Chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="399"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="555"/>
        <source>Writing the PDF…</source>
        <translation>Đang tạo PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="573"/>
        <source>Preparing the print…</source>
        <translation>Đang chuẩn bị bản in…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="602"/>
        <source>Sending to the printer…</source>
        <translation>Đang gửi tới máy in…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="664"/>
        <source>Revoking…</source>
        <translation>Đang thu hồi…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.import_page.corrections</name>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="237"/>
        <source>Loaded {n} corrected rows ({records} records) into list {id}.</source>
        <translation>Đã nhập {n} dòng đã sửa ({records} bản ghi) vào danh sách {id}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="110"/>
        <source>Correct the coloured cells in the grid (double-click or F2; the vaccine from the catalogue, sex Nam/Nữ, dates dd/mm/yyyy), then press “Load the corrected rows”. Hover a cell for the reason.</source>
        <translation>Sửa các ô tô màu ngay trong bảng (bấm đúp hoặc F2; vắc xin chọn trong danh mục, giới tính Nam/Nữ, ngày dd/mm/yyyy), rồi bấm “Nhập các dòng đã sửa”. Di chuột lên ô để xem lý do.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="128"/>
        <source>Load the corrected rows</source>
        <translation>Nhập các dòng đã sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="201"/>
        <source>Corrected; checked again when loaded.</source>
        <translation>Đã sửa; sẽ được kiểm tra lại khi nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="228"/>
        <source>Loading the corrected rows…</source>
        <translation>Đang nhập các dòng đã sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="241"/>
        <source>{n} rows already loaded, not loaded again.</source>
        <translation>{n} dòng đã có, không nhập lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="244"/>
        <source>{n} rows still have problems: see the coloured cells.</source>
        <translation>{n} dòng vẫn còn lỗi: xem các ô tô màu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="68"/>
        <source>(pick a vaccine)</source>
        <translation>(chọn vắc xin)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="69"/>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.import_page.flags</name>
    <message>
        <location filename="../../desktop/views/pages/import_page/flags.py" line="23"/>
        <source>How to fix:</source>
        <translation>Cách sửa:</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.import_page.page</name>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="370"/>
        <source>&lt;b&gt;{rows} rows&lt;/b&gt;: {loadable} will be loaded, {rejected} will be rejected, {warned} need a look.</source>
        <translation>&lt;b&gt;{rows} dòng&lt;/b&gt;: {loadable} dòng sẽ được nhập, {rejected} dòng sẽ bị từ chối, {warned} dòng cần xem lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="504"/>
        <source>{file} was loaded before (list {id}): {dups} rows already imported, not imported again.</source>
        <translation>{file} đã được nhập trước đây (danh sách {id}): {dups} dòng đã có, không nhập lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="508"/>
        <source>{file}: {rows} rows — {accepted} accepted ({records} records), {rejected} rejected, {dups} duplicates.</source>
        <translation>{file}: {rows} dòng — nhận {accepted} ({records} bản ghi), từ chối {rejected}, trùng {dups}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="91"/>
        <source>Open list file…</source>
        <translation>Mở tệp danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="92"/>
        <location filename="../../desktop/views/pages/import_page/page.py" line="198"/>
        <source>Or drag and drop an .xlsx, .xls or .csv file here</source>
        <translation>Hoặc kéo thả tệp .xlsx, .xls, .csv vào đây</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="95"/>
        <source>No file yet. Drop a file here or press “Open”.</source>
        <translation>Chưa chọn tệp. Kéo thả tệp vào đây hoặc bấm “Mở tệp”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="116"/>
        <source>Map the columns not recognised</source>
        <translation>Chọn cột cho các trường chưa nhận ra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="118"/>
        <location filename="../../desktop/views/pages/import_page/page.py" line="401"/>
        <source>Apply and preview again</source>
        <translation>Áp dụng và xem lại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="124"/>
        <source>Import list</source>
        <translation>Nhập danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="129"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="152"/>
        <source>Export rejected rows…</source>
        <translation>Xuất các dòng bị từ chối…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="158"/>
        <source>Reasons</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="159"/>
        <source>Correct the rejected rows</source>
        <translation>Sửa các dòng bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="168"/>
        <source>All lists</source>
        <translation>Mọi danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="178"/>
        <source>Load a list</source>
        <translation>Nhập danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="179"/>
        <source>All records</source>
        <translation>Tất cả bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="215"/>
        <source>Only the records of list {id}</source>
        <translation>Chỉ các bản ghi của danh sách số {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="230"/>
        <source>Choose a vaccination list</source>
        <translation>Chọn danh sách tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="262"/>
        <source>Reading {file}…</source>
        <translation>Đang đọc {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="274"/>
        <source>Could not read {file}.</source>
        <translation>Không đọc được {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="305"/>
        <source>{file} — {kind}{layout}. {ok}</source>
        <translation>{file} — {kind}{layout}. {ok}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="319"/>
        <source>Checking every row…</source>
        <translation>Đang kiểm tra từng dòng…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="448"/>
        <source>Importing {file}…</source>
        <translation>Đang nhập {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="462"/>
        <source>Cancelled. Nothing from the file was stored.</source>
        <translation>Đã huỷ. Không bản ghi nào của tệp được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="494"/>
        <source>The file could not be loaded. Nothing was stored.</source>
        <translation>Không nhập được tệp. Không có gì được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="519"/>
        <source>Correct {n} rejected rows</source>
        <translation>Sửa {n} dòng bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="552"/>
        <source>Save the rejected rows</source>
        <translation>Lưu các dòng bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="566"/>
        <source>Saved {n} rejected rows to {out}</source>
        <translation>Đã lưu {n} dòng bị từ chối vào {out}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="146"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="146"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="147"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="147"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="303"/>
        <source>platform template PL1</source>
        <translation>mẫu PL1 của nền tảng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="304"/>
        <source>one row per dose</source>
        <translation>danh sách mỗi dòng một mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="339"/>
        <source>Could not check the rows: {error}</source>
        <translation>Không kiểm tra được các dòng: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="377"/>
        <source>&lt;span style='background:#f8d7da;color:#842029'&gt;&amp;nbsp;red cell&amp;nbsp;&lt;/span&gt; the row will be rejected, &lt;span style='background:#fff3cd;color:#664d03'&gt;&amp;nbsp;yellow cell&amp;nbsp;&lt;/span&gt; loaded but worth a look. Select or hover a cell for the reason and the fix.</source>
        <translation>&lt;span style='background:#f8d7da;color:#842029'&gt;&amp;nbsp;ô đỏ&amp;nbsp;&lt;/span&gt; dòng sẽ bị từ chối, &lt;span style='background:#fff3cd;color:#664d03'&gt;&amp;nbsp;ô vàng&amp;nbsp;&lt;/span&gt; được nhập nhưng cần xem lại. Chọn ô hoặc di chuột lên ô để xem lý do và cách sửa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="385"/>
        <source>No problem found.</source>
        <translation>Không thấy vấn đề nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="410"/>
        <source>(choose a column)</source>
        <translation>(chọn cột)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="439"/>
        <source>Not permitted</source>
        <translation>Không được phép</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="469"/>
        <source>Cancelling… nothing from this file will be kept.</source>
        <translation>Đang huỷ… không bản ghi nào của tệp này được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="534"/>
        <source>{n} rows already imported, not imported again</source>
        <translation>{n} dòng đã có, không nhập lại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="308"/>
        <source>Ready to import.</source>
        <translation>Sẵn sàng nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="309"/>
        <source>Some required columns are not recognised: map them below.</source>
        <translation>Chưa nhận ra đủ cột bắt buộc: hãy chọn cột bên dưới.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="291"/>
        <source>dose</source>
        <translation>mũi</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.overview</name>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="442"/>
        <source>{n} records wait for your signature</source>
        <translation>{n} bản ghi chờ bạn ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="257"/>
        <source>Open the {n} “{state}” records</source>
        <translation>Mở {n} bản ghi “{state}”</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="276"/>
        <source>Today, {day}</source>
        <translation>Hôm nay, {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="283"/>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="284"/>
        <source>Refresh the figures</source>
        <translation>Làm mới số liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="287"/>
        <source>Export a report…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="289"/>
        <source>Save the chart…</source>
        <translation>Lưu biểu đồ…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="294"/>
        <source>Lock (Ctrl+L)</source>
        <translation>Khoá màn hình (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="295"/>
        <source>Lock the screen</source>
        <translation>Khoá màn hình</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="305"/>
        <source>Nothing is waiting. ✔</source>
        <translation>Không còn việc nào đang chờ. ✔</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="322"/>
        <source>Chart by list</source>
        <translation>Biểu đồ theo danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="323"/>
        <source>Chart by vaccination day</source>
        <translation>Biểu đồ theo ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="324"/>
        <source>By list</source>
        <translation>Theo danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="325"/>
        <source>By vaccination day</source>
        <translation>Theo ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="336"/>
        <source>Click a number to open those records. On the chart: arrows to choose, Enter to open.</source>
        <translation>Bấm vào một con số để mở các bản ghi đó. Trên biểu đồ: mũi tên để chọn, Enter để mở.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="140"/>
        <source>No records yet</source>
        <translation>Chưa có bản ghi nào</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.report_export</name>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="20"/>
        <source>Day report (Excel .xlsx)</source>
        <translation>Báo cáo ngày (Excel .xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="21"/>
        <source>Day report (PDF)</source>
        <translation>Báo cáo ngày (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="22"/>
        <source>Certificate register (Excel .xlsx)</source>
        <translation>Sổ chứng nhận (Excel .xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="23"/>
        <source>Certificate register (CSV)</source>
        <translation>Sổ chứng nhận (CSV)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="95"/>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="110"/>
        <source>Save the chart</source>
        <translation>Lưu biểu đồ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="37"/>
        <source>Export a report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="46"/>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="47"/>
        <source>From vaccination day:</source>
        <translation>Từ ngày tiêm:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="48"/>
        <source>To vaccination day:</source>
        <translation>Đến ngày tiêm:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="83"/>
        <source>Exported</source>
        <translation>Đã xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="83"/>
        <source>Wrote {file}</source>
        <translation>Đã ghi {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="102"/>
        <source>Writing the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.review.dialogs</name>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="24"/>
        <source>Edit the record</source>
        <translation>Sửa bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="29"/>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="45"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="30"/>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="45"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="33"/>
        <source>dd/mm/yyyy (or the year alone)</source>
        <translation>dd/mm/yyyy (hoặc chỉ năm sinh)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="70"/>
        <source>No value was changed.</source>
        <translation>Chưa có giá trị nào được sửa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="49"/>
        <source>registry</source>
        <translation>CSDL</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.review.model</name>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="18"/>
        <source>Checked against the ID card or passport</source>
        <translation>Đã đối chiếu giấy tờ tùy thân (CCCD/hộ chiếu)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="19"/>
        <source>Confirmed by the vaccinated person</source>
        <translation>Người được tiêm xác nhận thông tin</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="20"/>
        <source>Data entry error at the vaccination site</source>
        <translation>Lỗi nhập liệu tại điểm tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="21"/>
        <source>The registry is not up to date</source>
        <translation>CSDL dân cư chưa cập nhật</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="22"/>
        <source>Foreigner, not in the population registry</source>
        <translation>Người nước ngoài, không có trong CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="23"/>
        <source>Duplicate or not the vaccinated person</source>
        <translation>Trùng người / không phải người được tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="30"/>
        <source>This dose was not given</source>
        <translation>Không có mũi tiêm này</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="31"/>
        <source>Wrong ID number, to be verified again</source>
        <translation>Số giấy tờ sai, cần xác minh lại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="114"/>
        <source>Differences</source>
        <translation>Khác biệt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="75"/>
        <source>dose</source>
        <translation>mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="78"/>
        <source>Rejected by the central service</source>
        <translation>Trung ương từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="80"/>
        <source>Edit, accept the registry or keep the list to create a new record that is signed again; reject drops this record.</source>
        <translation>Sửa, chấp nhận CSDL hoặc giữ dữ liệu sẽ tạo bản ghi mới để ký lại; loại sẽ bỏ bản ghi này.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="82"/>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="82"/>
        <source>Registry</source>
        <translation>CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="83"/>
        <source>Difference</source>
        <translation>Khác biệt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="56"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="56"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="73"/>
        <source>row</source>
        <translation>dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="100"/>
        <source>This decision applies to {n} doses of the same person</source>
        <translation>Quyết định này áp dụng cho {n} mũi của cùng người</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="101"/>
        <source>same ID number, name, date of birth and differences</source>
        <translation>cùng số giấy tờ, họ tên, ngày sinh và cùng khác biệt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="103"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="74"/>
        <source>ref</source>
        <translation>mã</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="94"/>
        <source>The ID number is not valid</source>
        <translation>Số giấy tờ không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="95"/>
        <source>Edit it (E) from the ID card or reject (R).</source>
        <translation>Hãy sửa (E) theo giấy tờ tùy thân hoặc loại (R).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="97"/>
        <source>The registry has no data for this record.</source>
        <translation>CSDL dân cư không có dữ liệu cho bản ghi này.</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.review.page</name>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="748"/>
        <source>“{action}” for {n} records of kind “{kind}”. {n} records will change. Continue?</source>
        <translation>“{action}” cho {n} bản ghi loại “{kind}”. {n} bản ghi sẽ thay đổi. Tiếp tục?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="538"/>
        <source>No records need a decision.</source>
        <translation>Không còn bản ghi nào cần quyết định.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="104"/>
        <source>Check with the registry (F5)</source>
        <translation>Kiểm tra với CSDL dân cư (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="113"/>
        <source>Show the whole queue</source>
        <translation>Xem cả hàng chờ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="121"/>
        <source>Filter by difference kind</source>
        <translation>Lọc theo loại khác biệt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="127"/>
        <source>Filter by list</source>
        <translation>Lọc theo danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="129"/>
        <source>Every list</source>
        <translation>Mọi danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="134"/>
        <source>Filter by vaccination day</source>
        <translation>Lọc theo ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="136"/>
        <source>Every day</source>
        <translation>Mọi ngày</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="147"/>
        <source>Queue of records needing a decision</source>
        <translation>Hàng chờ quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="189"/>
        <source>Current record</source>
        <translation>Bản ghi đang xét</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="204"/>
        <source>Reason for the decision</source>
        <translation>Lý do quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="224"/>
        <source>Previous (P)</source>
        <translation>Trước (P)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="224"/>
        <source>Next (N)</source>
        <translation>Tiếp (N)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="225"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>Hoàn tác (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="226"/>
        <source>Decide for the whole kind… (B)</source>
        <translation>Quyết định cho cả loại… (B)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="363"/>
        <source> waiting for a decision ({n} in all; the others are already decided)</source>
        <translation> cần quyết định (tổng {n}; số còn lại đã được quyết định)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="369"/>
        <source>{n} records are not yet checked against the registry. Press “Check with the registry (F5)”.</source>
        <translation>{n} bản ghi chưa kiểm tra với CSDL dân cư. Bấm “Kiểm tra với CSDL dân cư (F5)” để kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="533"/>
        <source>&lt;h3&gt;{n} records are not checked against the registry yet&lt;/h3&gt;&lt;p&gt;Press &lt;b&gt;F5&lt;/b&gt; (Check with the registry) first; the records needing a decision will show here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chưa kiểm tra {n} bản ghi với CSDL dân cư&lt;/h3&gt;&lt;p&gt;Bấm &lt;b&gt;F5&lt;/b&gt; (Kiểm tra với CSDL dân cư) trước; các bản ghi cần quyết định sẽ hiện ở đây.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="589"/>
        <source>Reason (choose or type):</source>
        <translation>Lý do (chọn hoặc nhập):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="712"/>
        <source>Undone: {action}</source>
        <translation>Đã hoàn tác: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="727"/>
        <location filename="../../desktop/views/pages/review/page.py" line="723"/>
        <location filename="../../desktop/views/pages/review/page.py" line="745"/>
        <location filename="../../desktop/views/pages/review/page.py" line="751"/>
        <source>Bulk decision</source>
        <translation>Quyết định hàng loạt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="728"/>
        <source>Action for every record of this kind:</source>
        <translation>Thao tác cho mọi bản ghi của loại này:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="781"/>
        <location filename="../../desktop/views/pages/review/page.py" line="806"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="119"/>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="125"/>
        <source>List:</source>
        <translation>Danh sách:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="132"/>
        <source>Vaccinated on:</source>
        <translation>Ngày tiêm:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="200"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="323"/>
        <source>Not permitted</source>
        <translation>Không được phép</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="471"/>
        <source>All needing a decision</source>
        <translation>Tất cả cần quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="599"/>
        <source>No registry values to accept.</source>
        <translation>Không có dữ liệu CSDL dân cư để chấp nhận.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="659"/>
        <source>Recorded: {action} — row {row}; resubmitted as record {new} to sign again</source>
        <translation>Đã ghi: {action} — dòng {row}; gửi lại thành bản ghi {new} để ký lại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="723"/>
        <source>Choose a difference kind in “Kind” first.</source>
        <translation>Hãy chọn một loại khác biệt trong ô “Loại” trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="746"/>
        <source>No records would change.</source>
        <translation>Không có bản ghi nào để thay đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="763"/>
        <source>{n} records changed.</source>
        <translation>Đã thay đổi {n} bản ghi.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="807"/>
        <source>Check stopped; the records already checked are kept.</source>
        <translation>Đã dừng kiểm tra; các bản ghi đã kiểm tra được giữ lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="102"/>
        <source>Review against the population registry</source>
        <translation>Đối chiếu với CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="486"/>
        <source>This kind is done; moving on to the next one.</source>
        <translation>Đã xong loại này; chuyển sang loại tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="663"/>
        <source>Recorded: {action} — row {row} and {n} other doses of the same person</source>
        <translation>Đã ghi: {action} — dòng {row} và {n} mũi khác của cùng người</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="667"/>
        <source>Recorded: {action} — row {row}</source>
        <translation>Đã ghi: {action} — dòng {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="771"/>
        <source>Recording decisions…</source>
        <translation>Đang ghi quyết định…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="787"/>
        <source>Checking with the population registry…</source>
        <translation>Đang kiểm tra với CSDL dân cư…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="442"/>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.scope_bar</name>
    <message>
        <location filename="../../desktop/views/pages/scope_bar.py" line="22"/>
        <source>list {id}</source>
        <translation>danh sách số {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/scope_bar.py" line="24"/>
        <source>vaccinated {day}</source>
        <translation>ngày tiêm {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/scope_bar.py" line="53"/>
        <source>Showing only: {what}</source>
        <translation>Chỉ hiện: {what}</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.search_filters</name>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="23"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="24"/>
        <source>Insurance no.</source>
        <translation>Số thẻ BHYT</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="33"/>
        <source>From dd/mm/yyyy</source>
        <translation>Từ dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="34"/>
        <source>To dd/mm/yyyy</source>
        <translation>Đến dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="26"/>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="27"/>
        <source>All lists</source>
        <translation>Mọi danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="29"/>
        <source>Vaccine</source>
        <translation>Vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="30"/>
        <source>All vaccines</source>
        <translation>Mọi vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="40"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.settings</name>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="428"/>
        <location filename="../../desktop/views/pages/settings.py" line="582"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="428"/>
        <location filename="../../desktop/views/pages/settings.py" line="584"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="428"/>
        <location filename="../../desktop/views/pages/settings.py" line="588"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="429"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="89"/>
        <source>Only an administrator may change settings and accounts.</source>
        <translation>Chỉ quản trị viên được thay đổi cài đặt và tài khoản.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="170"/>
        <source>Facility &amp;code:</source>
        <translation>&amp;Mã cơ sở:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="171"/>
        <source>Facility &amp;name:</source>
        <translation>&amp;Tên cơ sở:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="177"/>
        <source>Facilities &amp;represented:</source>
        <translation>Các cơ sở được &amp;ký thay:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="184"/>
        <source>&amp;Registry address:</source>
        <translation>Địa chỉ CSDL &amp;dân cư:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="185"/>
        <source>Access &amp;token:</source>
        <translation>&amp;Mã truy cập:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="186"/>
        <source>Look-ups per &amp;request:</source>
        <translation>Số tra cứu mỗi &amp;lần:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="187"/>
        <source>Registry timeout:</source>
        <translation>Chờ tối đa (CSDL dân cư):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="188"/>
        <source>Test the registry connection</source>
        <translation>Kiểm tra kết nối CSDL dân cư</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="189"/>
        <source>&amp;Central service address:</source>
        <translation>Địa chỉ hệ thống &amp;trung ương:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="191"/>
        <source>Central &amp;credential:</source>
        <translation>Thông tin &amp;xác thực trung ương:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="192"/>
        <source>TLS certificate file (optional):</source>
        <translation>Chứng thư TLS (tuỳ chọn):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="193"/>
        <source>Central timeout:</source>
        <translation>Chờ tối đa (trung ương):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="194"/>
        <source>Sync every (0: by hand):</source>
        <translation>Đồng bộ mỗi (0: thủ công):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="196"/>
        <source>Test the central connection</source>
        <translation>Kiểm tra kết nối trung ương</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="214"/>
        <source>Token &amp;label:</source>
        <translation>&amp;Nhãn USB ký số:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="220"/>
        <source>Records per signed &amp;batch:</source>
        <translation>Số bản ghi mỗi &amp;lô ký:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="221"/>
        <source>Test the token</source>
        <translation>Kiểm tra USB ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="249"/>
        <source>&amp;Lock the screen after (0: never):</source>
        <translation>&amp;Khoá màn hình sau (0: không khoá):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="317"/>
        <source>Saved {n} settings.</source>
        <translation>Đã lưu {n} cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="86"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="93"/>
        <source>Change my password…</source>
        <translation>Đổi mật khẩu của tôi…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="95"/>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="100"/>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="101"/>
        <source>Connections</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="102"/>
        <source>Signing token</source>
        <translation>USB ký số</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="103"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="104"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="105"/>
        <source>Data updates</source>
        <translation>Cập nhật dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="107"/>
        <location filename="../../desktop/views/pages/settings.py" line="506"/>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="111"/>
        <source>Result of saving</source>
        <translation>Kết quả lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="115"/>
        <source>Undo changes</source>
        <translation>Hoàn tác thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="117"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="118"/>
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="158"/>
        <source>Test result</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="172"/>
        <source>Signs for several facilities (provincial health department / CDC)</source>
        <translation>Ký thay cho nhiều cơ sở (Sở Y tế / CDC)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="174"/>
        <source>Focal agency</source>
        <translation>Đầu mối ký thay</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="204"/>
        <source>PKCS#11 module</source>
        <translation>Mô-đun PKCS#11</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="208"/>
        <source>PKCS#11 &amp;module:</source>
        <translation>&amp;Mô-đun PKCS#11:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="209"/>
        <source>Choose the vendor's module (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA, Feitian, SafeNet) or type any path.</source>
        <translation>Chọn phần mềm của nhà cung cấp (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA, Feitian, SafeNet) hoặc nhập đường dẫn bất kỳ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="217"/>
        <source>Signing algorithm</source>
        <translation>Thuật toán ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="218"/>
        <source>Signing &amp;algorithm:</source>
        <translation>Thuật toán &amp;ký:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="223"/>
        <source>Tokens found</source>
        <translation>USB ký số tìm thấy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="235"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="236"/>
        <source>Default &amp;language / Ngôn ngữ:</source>
        <translation>&amp;Ngôn ngữ mặc định / Language:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="237"/>
        <source>The language before anyone signs in. Each person chooses their own language at sign-in (or in the status bar); it is remembered for their account.</source>
        <translation>Ngôn ngữ của máy khi chưa ai đăng nhập. Mỗi người chọn ngôn ngữ của mình khi đăng nhập (hoặc ở thanh trạng thái); lựa chọn đó được ghi nhớ cho tài khoản.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="242"/>
        <source>Offer the &amp;last user name at sign-in</source>
        <translation>&amp;Gợi ý tên đăng nhập lần trước khi đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="244"/>
        <source>Offer the last user name</source>
        <translation>Gợi ý tên đăng nhập lần trước</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="246"/>
        <source>Leave off on a shared PC: the next person does not see the previous one's name.</source>
        <translation>Để tắt trên máy dùng chung: người sau không thấy tên của người trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="319"/>
        <source>{saved} The new default language applies at the next sign-in of anyone who has not chosen their own.</source>
        <translation>{saved} Ngôn ngữ mặc định mới dùng từ lần đăng nhập sau của người chưa chọn ngôn ngữ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="353"/>
        <source>Testing…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="438"/>
        <source>Accounts</source>
        <comment>variant 2</comment>
        <translation>Danh sách tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="453"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Thêm tài khoản…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="454"/>
        <source>Reset &amp;password…</source>
        <translation>Đặt lại &amp;mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="455"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khoá</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="456"/>
        <source>Change &amp;role…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="457"/>
        <source>Disable/&amp;enable</source>
        <translation>Tắt/&amp;bật tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="464"/>
        <source>Clerk: import, review, print. Signer: also signs with the token. Administrator: also settings and accounts. {n} wrong passwords in a row lock an account for {m} minutes.</source>
        <translation>Nhân viên nhập liệu: nhập danh sách, đối chiếu, in. Người ký số: thêm ký số bằng USB. Quản trị viên: thêm cài đặt và tài khoản. Sai mật khẩu {n} lần liên tiếp: khoá {m} phút.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="491"/>
        <source>Locked</source>
        <translation>Đang khoá</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="528"/>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="529"/>
        <source>New password for {user}:</source>
        <translation>Mật khẩu mới cho {user}:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="539"/>
        <source>Change role</source>
        <translation>Đổi vai trò</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="540"/>
        <source>Role of {user}:</source>
        <translation>Vai trò của {user}:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="556"/>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="559"/>
        <source>&amp;Current password:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="559"/>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="560"/>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="560"/>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="561"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="561"/>
        <source>Repeat the new password</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="579"/>
        <source>Add an account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="591"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="592"/>
        <source>at least {n} characters</source>
        <translation>ít nhất {n} ký tự</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="594"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="595"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="596"/>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="597"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="250"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="305"/>
        <source>Only an administrator may change settings.</source>
        <translation>Chỉ quản trị viên được thay đổi cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="310"/>
        <source>Nothing has changed.</source>
        <translation>Không có thay đổi nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="391"/>
        <source>The two new passwords differ.</source>
        <translation>Hai mật khẩu mới không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="396"/>
        <source>The password was changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="492"/>
        <source>Disabled</source>
        <translation>Đã tắt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="492"/>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="506"/>
        <source>Choose an account first.</source>
        <translation>Hãy chọn một tài khoản trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="272"/>
        <source>(saved; leave empty to keep)</source>
        <translation>(đã lưu; để trống để giữ nguyên)</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.sign</name>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="38"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="39"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="40"/>
        <source>Countersigned</source>
        <translation>Đã ký xác nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="41"/>
        <source>Partly rejected</source>
        <translation>Bị từ chối một phần</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="42"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="44"/>
        <source>Issue</source>
        <translation>Cấp mới</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="44"/>
        <source>Correction</source>
        <translation>Đính chính</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Records</source>
        <translation>Số bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="47"/>
        <source>Facilities</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="61"/>
        <source>USB token</source>
        <translation>USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="69"/>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="70"/>
        <source>Label:</source>
        <translation>Nhãn:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="71"/>
        <source>Certificate holder:</source>
        <translation>Chủ chứng thư số:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="72"/>
        <source>Expires:</source>
        <translation>Hết hạn:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="74"/>
        <source>&amp;Check the token again</source>
        <translation>&amp;Kiểm tra lại token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="80"/>
        <source>Records to sign</source>
        <translation>Bản ghi cần ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="84"/>
        <source>Choose records</source>
        <translation>Chọn bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="85"/>
        <source>All ready records</source>
        <translation>Tất cả bản ghi sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="86"/>
        <source>By list</source>
        <translation>Theo danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="87"/>
        <source>By vaccination date</source>
        <translation>Theo ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="89"/>
        <source>List or date</source>
        <translation>Danh sách hoặc ngày</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="102"/>
        <source>&amp;Sign the records…</source>
        <translation>&amp;Ký các bản ghi…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="105"/>
        <source>Stop after this batch</source>
        <translation>Dừng sau lô này</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="111"/>
        <source>Why signing is not possible</source>
        <translation>Lý do chưa ký được</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="179"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="235"/>
        <source>Ready to sign: {ready}. Held for review: {held}.</source>
        <translation>Sẵn sàng ký: {ready}. Đang chờ đối chiếu: {held}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="246"/>
        <source>Details: batch {batch}, signature {alg}</source>
        <translation>Chi tiết: mã lô {batch}, thuật toán ký {alg}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="273"/>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="275"/>
        <source>No records are ready to sign.</source>
        <translation>Chưa có bản ghi nào sẵn sàng để ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="225"/>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="309"/>
        <source>Not permitted to sign</source>
        <translation>Không được phép ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="347"/>
        <source>Signing stopped. The batches already signed are kept.</source>
        <translation>Đã dừng ký. Các lô đã ký xong được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="373"/>
        <source>Not signed</source>
        <translation>Chưa ký được</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="59"/>
        <source>Sign with the USB token</source>
        <translation>Ký số bằng USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="128"/>
        <source>Signed batches</source>
        <translation>Các lô đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="215"/>
        <source>List {id}</source>
        <translation>Danh sách số {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="226"/>
        <source>Inserted</source>
        <translation>Đã cắm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="226"/>
        <source>No token</source>
        <translation>Không thấy token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="352"/>
        <source>Signed {n} records in {b} batches. Sending them to the central service (see Sync).</source>
        <translation>Đã ký {n} bản ghi trong {b} lô. Đang gửi các lô lên trung ương (xem trang Đồng bộ).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="355"/>
        <source>Signed {n} records in {b} batches. The batches are waiting to be synced.</source>
        <translation>Đã ký {n} bản ghi trong {b} lô. Các lô đã vào hàng chờ đồng bộ.</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.sync</name>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="30"/>
        <source>Waiting to send</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="31"/>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="32"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="33"/>
        <source>Needs attention</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="36"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="37"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="38"/>
        <source>All certified</source>
        <translation>Đã cấp đủ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="39"/>
        <source>Partly refused</source>
        <translation>Bị từ chối một phần</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="40"/>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="42"/>
        <source>Batch</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="42"/>
        <source>Records</source>
        <translation>Số bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="42"/>
        <source>Outbox</source>
        <translation>Trạng thái gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="43"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="43"/>
        <source>Attempts</source>
        <translation>Lần thử</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="43"/>
        <source>Next attempt</source>
        <translation>Thử lại lúc</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="44"/>
        <source>Last error</source>
        <translation>Lỗi gần nhất</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="177"/>
        <source>Sent {sent} batches; {accepted} new certificates; {rejected} records refused (back in Review); {pending} records waiting.</source>
        <translation>Đã gửi {sent} lô; {accepted} chứng nhận mới; {rejected} bản ghi bị từ chối (đã trả về Đối chiếu); còn chờ {pending} bản ghi.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="60"/>
        <source>Details: {text}</source>
        <translation>Chi tiết: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="123"/>
        <source>Automatic sync paused</source>
        <translation>Tạm dừng đồng bộ tự động</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="85"/>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="86"/>
        <source>Waiting:</source>
        <translation>Đang chờ:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="87"/>
        <source>Last success:</source>
        <translation>Lần thành công cuối:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="88"/>
        <source>Last error:</source>
        <translation>Lỗi gần nhất:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="89"/>
        <source>Latest sync:</source>
        <translation>Lần đồng bộ vừa rồi:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="92"/>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="97"/>
        <source>Send batches needing attention again</source>
        <translation>Gửi lại các lô cần xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="109"/>
        <source>Batches in the outbox</source>
        <translation>Các lô trong hộp thư đi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="125"/>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="132"/>
        <source>{b} batches ({r} records) waiting; {f} batches need attention</source>
        <translation>{b} lô ({r} bản ghi) chờ gửi; {f} lô cần xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="187"/>
        <source>Automatic sync is paused.</source>
        <translation>Đồng bộ tự động đang tạm dừng.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="74"/>
        <source>Sync with the central service</source>
        <translation>Đồng bộ với máy chủ trung ương</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="127"/>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="129"/>
        <source>Offline: keep working, batches will be sent when the network is back</source>
        <translation>Ngoại tuyến: công việc vẫn tiếp tục, các lô sẽ được gửi khi có mạng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="142"/>
        <source>Resume automatic sync</source>
        <translation>Tiếp tục đồng bộ tự động</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="143"/>
        <source>Pause automatic sync</source>
        <translation>Tạm dừng đồng bộ tự động</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="171"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="202"/>
        <source>Send again</source>
        <translation>Gửi lại</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="202"/>
        <source>Only send again once the cause is dealt with (e.g. the facility is registered, IT staff checked the alarm). Send the batches needing attention again?</source>
        <translation>Chỉ gửi lại khi nguyên nhân đã được xử lý (ví dụ cơ sở đã được đăng ký, bộ phận CNTT đã kiểm tra cảnh báo). Gửi lại các lô cần xử lý?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="162"/>
        <source>Details: batch {batch}</source>
        <translation>Chi tiết: mã lô {batch}</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.updates_panel</name>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="20"/>
        <source>bundled with VaxDesk</source>
        <translation>kèm bộ cài</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="21"/>
        <source>signed update</source>
        <translation>bản cập nhật đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="22"/>
        <source>received by sync</source>
        <translation>nhận khi đồng bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="23"/>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="38"/>
        <source>Data versions in use</source>
        <translation>Phiên bản dữ liệu đang dùng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="43"/>
        <source>Update with "vaxdesk update fetch" (from the central service) or "vaxdesk update apply FILE"; every update's signature is checked before use.</source>
        <translation>Cập nhật bằng lệnh "vaxdesk update fetch" (từ máy chủ trung ương) hoặc "vaxdesk update apply TỆP"; mỗi bản cập nhật được kiểm tra chữ ký trước khi dùng.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="33"/>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="33"/>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="34"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="34"/>
        <source>Applied</source>
        <translation>Áp dụng lúc</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="75"/>
        <source>Trusted update signing key: {key}</source>
        <translation>Khoá ký bản cập nhật được tin cậy: {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="76"/>
        <source>No update signing key is trusted yet ("vaxdesk update trust KEY_FILE").</source>
        <translation>Chưa tin cậy khoá ký bản cập nhật nào ("vaxdesk update trust TỆP_KHOÁ").</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.verify</name>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="41"/>
        <source>Open a picture of the QR code</source>
        <translation>Mở ảnh mã QR</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="45"/>
        <source>Choose a trust list</source>
        <translation>Chọn danh sách tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="67"/>
        <source>Verify</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="69"/>
        <source>Open QR picture…</source>
        <translation>Mở ảnh mã QR…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="70"/>
        <source>Use another trust list…</source>
        <translation>Dùng danh sách tin cậy khác…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="87"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="139"/>
        <source>Issued by:</source>
        <translation>Nơi cấp:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="140"/>
        <source>QR code valid:</source>
        <translation>Hiệu lực mã QR:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="148"/>
        <source> {k} of them imported from other countries.</source>
        <translation> Trong đó {k} chứng thư ký nhập từ nước khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="58"/>
        <source>Paste the "HC1:…" text (from a scanner) or open a photo or scan of the QR code.</source>
        <translation>Dán chuỗi "HC1:…" (từ máy quét) hoặc mở ảnh chụp/ảnh quét mã QR.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="151"/>
        <source>No trust list yet: sync once while online. Certificates can be decoded but not checked.</source>
        <translation>Chưa có danh sách tin cậy: hãy đồng bộ một lần khi có mạng. Chỉ giải mã được, không kiểm tra chữ ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="215"/>
        <source>Trust list</source>
        <translation>Danh sách tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="57"/>
        <source>Verify a certificate QR code</source>
        <translation>Kiểm tra mã QR chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="155"/>
        <source>Trust list: {n} signing certificates, {r} revoked certificates ({path}).</source>
        <translation>Danh sách tin cậy: {n} chứng thư ký, {r} chứng nhận bị thu hồi ({path}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="172"/>
        <source>Reading the QR code…</source>
        <translation>Đang đọc mã QR…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="188"/>
        <source>VALID</source>
        <translation>HỢP LỆ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="190"/>
        <source>NOT VALID</source>
        <translation>KHÔNG HỢP LỆ</translation>
    </message>
</context>
<context>
    <name>desktop.views.records_table</name>
    <message>
        <location filename="../../desktop/views/records_table.py" line="80"/>
        <source>Loaded</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="80"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="80"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="81"/>
        <source>Certified</source>
        <translation>Đã cấp chứng nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="81"/>
        <source>Rejected centrally</source>
        <translation>Trung ương từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="82"/>
        <source>Superseded</source>
        <translation>Đã thay thế</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="82"/>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="84"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="84"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="114"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="115"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="116"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="117"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="118"/>
        <source>ID number</source>
        <translation>Số CMND/CCCD</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="119"/>
        <source>Vaccine</source>
        <translation>Vắc xin</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="120"/>
        <source>Dose</source>
        <translation>Mũi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="121"/>
        <source>Vaccinated on</source>
        <translation>Ngày tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="122"/>
        <source>Check</source>
        <translation>Đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="123"/>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="124"/>
        <source>Platform id</source>
        <translation>Mã mũi tiêm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="621"/>
        <source>Search by name (with or without marks), ID number, platform id…</source>
        <translation>Tìm theo họ tên (có hoặc không dấu), số giấy tờ, mã mũi tiêm…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="625"/>
        <source>Any check status</source>
        <translation>Mọi trạng thái đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="629"/>
        <source>Any stage</source>
        <translation>Mọi giai đoạn</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="768"/>
        <source>{n} records</source>
        <translation>{n} bản ghi</translation>
    </message>
</context>
<context>
    <name>desktop.views.sign_in</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="291"/>
        <source>Quit VaxDesk</source>
        <translation>Thoát VaxDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="49"/>
        <location filename="../../desktop/views/sign_in.py" line="285"/>
        <source>Error message</source>
        <translation>Thông báo lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="70"/>
        <source>Checking</source>
        <translation>Đang kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="71"/>
        <location filename="../../desktop/views/sign_in.py" line="286"/>
        <source>Checking the password…</source>
        <translation>Đang kiểm tra mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="187"/>
        <location filename="../../desktop/views/sign_in.py" line="282"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="190"/>
        <source>Repeat the password</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="170"/>
        <source>VaxDesk — create the administrator</source>
        <translation>VaxDesk — tạo quản trị viên</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="173"/>
        <source>There are no accounts yet. Create the administrator's account: this person sets VaxDesk up and adds accounts for the clerks and the signer.</source>
        <translation>Chưa có tài khoản nào. Hãy tạo tài khoản quản trị viên: người này cài đặt chương trình và thêm tài khoản cho nhân viên nhập liệu và người ký số.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="183"/>
        <location filename="../../desktop/views/sign_in.py" line="281"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="186"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="188"/>
        <source>at least {n} characters</source>
        <translation>ít nhất {n} ký tự</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="191"/>
        <location filename="../../desktop/views/sign_in.py" line="283"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="192"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="193"/>
        <location filename="../../desktop/views/sign_in.py" line="284"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="194"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="199"/>
        <source>Create and sign in</source>
        <translation>Tạo và đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="274"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="275"/>
        <source>Your language; remembered for this account.</source>
        <translation>Ngôn ngữ của bạn; được ghi nhớ cho tài khoản này.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="277"/>
        <source>The screen was locked while unused. Enter the password to continue, or sign in as someone else.</source>
        <translation>Màn hình đã khoá vì không dùng. Nhập mật khẩu để tiếp tục, hoặc đăng nhập bằng tài khoản khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="287"/>
        <source>After {n} wrong passwords in a row the account is locked for {m} minutes.</source>
        <translation>Nhập sai mật khẩu {n} lần liên tiếp, tài khoản bị khoá {m} phút.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="290"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="172"/>
        <source>Welcome to VaxDesk</source>
        <translation>Chào mừng đến với VaxDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="211"/>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="272"/>
        <source>VaxDesk — sign in</source>
        <translation>VaxDesk — đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="273"/>
        <source>VaxDesk — locked</source>
        <translation>VaxDesk — đã khoá</translation>
    </message>
</context>
<context>
    <name>desktop.views.sync_status</name>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="113"/>
        <source>Sync hit an unexpected error; details are in the log.</source>
        <translation>Đồng bộ gặp lỗi không mong muốn; chi tiết trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="133"/>
        <source>Sync status</source>
        <translation>Trạng thái đồng bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="168"/>
        <source>Last success: {t}</source>
        <translation>Lần thành công cuối: {t}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="82"/>
        <source>The central service address (central_url) is not set. Enter it in Settings.</source>
        <translation>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="98"/>
        <source>Syncing with the central service…</source>
        <translation>Đang đồng bộ với máy chủ trung ương…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="154"/>
        <source>Sync paused</source>
        <translation>Đồng bộ tạm dừng</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="163"/>
        <source>{n} batches waiting</source>
        <translation>{n} lô chờ gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="165"/>
        <source>{n} batches need attention</source>
        <translation>{n} lô cần xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="170"/>
        <source>Last error: {e}</source>
        <translation>Lỗi gần nhất: {e}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="147"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="156"/>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="158"/>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="160"/>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
</context>
<context>
    <name>desktop.views.token_handler</name>
    <message>
        <location filename="../../desktop/views/token_handler.py" line="23"/>
        <source>USB token PIN</source>
        <translation>Mã PIN của USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/token_handler.py" line="28"/>
        <source>Confirm signing</source>
        <translation>Xác nhận ký số</translation>
    </message>
</context>
<context>
    <name>desktop.workspace</name>
    <message>
        <location filename="../../desktop/workspace.py" line="31"/>
        <source>Updating the workspace for this version of VaxDesk. This can take minutes; please do not close the program.</source>
        <translation>Đang cập nhật dữ liệu của nơi làm việc cho phiên bản VaxDesk này. Việc này có thể mất vài phút; xin đừng tắt chương trình.</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="66"/>
        <source>{path} is not a folder</source>
        <translation>{path} không phải là thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="60"/>
        <source>There is no workspace at {path}</source>
        <translation>Không có thư mục làm việc {path}</translation>
    </message>
</context>
<context>
    <name>desktop.workspace_move</name>
    <message>
        <location filename="../../desktop/workspace_move.py" line="77"/>
        <source>Moving table {table}…</source>
        <translation>Đang chuyển bảng {table}…</translation>
    </message>
</context>
<context>
    <name>services.central.app</name>
    <message>
        <location filename="../../services/central/app.py" line="215"/>
        <source>There is no such address.</source>
        <translation>Không có địa chỉ này.</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="216"/>
        <source>The request is not valid: {detail}</source>
        <translation>Yêu cầu không hợp lệ: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="260"/>
        <source>There is no certificate {uvci}.</source>
        <translation>Không có chứng nhận {uvci}.</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="207"/>
        <source>The service's database is unavailable for the moment; send again later.</source>
        <translation>Cơ sở dữ liệu của dịch vụ tạm thời không truy cập được; hãy gửi lại sau.</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="232"/>
        <source>Internal error in the service; try again later.</source>
        <translation>Lỗi nội bộ của dịch vụ; hãy thử lại sau.</translation>
    </message>
</context>
<context>
    <name>services.central.batches</name>
    <message>
        <location filename="../../services/central/batches.py" line="247"/>
        <source>{count} records do not match the signed Merkle root (leaves {leaves}): the batch changed after signing; no record was processed.</source>
        <translation>{count} bản ghi không khớp gốc Merkle đã ký (lá {leaves}): lô bị sửa sau khi ký; không bản ghi nào được xử lý.</translation>
    </message>
</context>
<context>
    <name>services.central.config</name>
    <message>
        <location filename="../../services/central/config.py" line="56"/>
        <source>{path} is not a central service data folder; run "central init --data {path}" first.</source>
        <translation>{path} không phải thư mục dữ liệu của dịch vụ trung ương; hãy chạy "central init --data {path}".</translation>
    </message>
    <message>
        <location filename="../../services/central/config.py" line="63"/>
        <source>Cannot read {file}: {err}</source>
        <translation>Không đọc được {file}: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.hsm</name>
    <message>
        <location filename="../../services/central/hsm.py" line="33"/>
        <source>The HSM PIN is missing from the environment variable {env}.</source>
        <translation>Thiếu mã PIN của HSM trong biến môi trường {env}.</translation>
    </message>
    <message>
        <location filename="../../services/central/hsm.py" line="44"/>
        <source>Cannot open the HSM {label}: {err}</source>
        <translation>Không mở được HSM {label}: {err}</translation>
    </message>
    <message>
        <location filename="../../services/central/hsm.py" line="80"/>
        <source>The DSC key must be RSA or EC.</source>
        <translation>Khoá DSC phải là RSA hoặc EC.</translation>
    </message>
    <message>
        <location filename="../../services/central/hsm.py" line="94"/>
        <source>There is not exactly one key "{label}" on the HSM.</source>
        <translation>Không tìm thấy đúng một khoá "{label}" trên HSM.</translation>
    </message>
</context>
<context>
    <name>services.central.keys</name>
    <message>
        <location filename="../../services/central/keys.py" line="42"/>
        <source>The algorithm {alg} is not supported (PS256 or ES256).</source>
        <translation>Thuật toán {alg} không được hỗ trợ (PS256 hoặc ES256).</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="119"/>
        <source>The signing key passphrase is missing: set {env}.</source>
        <translation>Thiếu mật khẩu khoá ký: đặt biến môi trường {env}.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="124"/>
        <source>The passphrase file {file} is readable by others; run chmod 600 on it.</source>
        <translation>Tệp mật khẩu {file} đọc được bởi người khác; hãy chạy chmod 600.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="153"/>
        <source>The signing key {file} does not match the DSC certificate.</source>
        <translation>Khoá ký {file} không khớp chứng thư DSC.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="140"/>
        <source>Cannot open the signing key {file}: wrong passphrase or damaged file.</source>
        <translation>Không mở được khoá ký {file}: sai mật khẩu hoặc tệp hỏng.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="144"/>
        <source>Cannot read the signing key {file}: {err}</source>
        <translation>Không đọc được khoá ký {file}: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.server</name>
    <message>
        <location filename="../../services/central/server.py" line="35"/>
        <source>Give both --tls-cert and --tls-key.</source>
        <translation>Cần cả --tls-cert và --tls-key.</translation>
    </message>
    <message>
        <location filename="../../services/central/server.py" line="38"/>
        <source>There is no file {file}.</source>
        <translation>Không có tệp {file}.</translation>
    </message>
    <message>
        <location filename="../../services/central/server.py" line="78"/>
        <source>Cannot listen on {host}:{port} ({err}); the port is in use or the address is wrong.</source>
        <translation>Không mở được cổng {host}:{port} ({err}); cổng đang bận hoặc địa chỉ sai.</translation>
    </message>
</context>
<context>
    <name>services.central.service</name>
    <message>
        <location filename="../../services/central/service.py" line="117"/>
        <source>The credential belongs to {caller}, but the batch is signed by {signer}.</source>
        <translation>Thông tin xác thực thuộc {caller}, nhưng lô do {signer} ký.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="132"/>
        <source>The service is busy; send again later.</source>
        <translation>Dịch vụ đang bận; hãy gửi lại sau.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="154"/>
        <source>A valid facility credential is required (Authorization: Bearer …).</source>
        <translation>Cần thông tin xác thực hợp lệ của cơ sở (Authorization: Bearer …).</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="401"/>
        <source>The credential belongs to {caller}, not to the signer of the revocation.</source>
        <translation>Thông tin xác thực thuộc {caller}, không phải bên đã ký yêu cầu thu hồi.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="77"/>
        <source>The data folder lacks or cannot read {file}: {err}</source>
        <translation>Thư mục dữ liệu thiếu hoặc không đọc được {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="143"/>
        <source>The batch id {batch_id} was already used for a different batch; each signed batch needs its own id.</source>
        <translation>Mã lô {batch_id} đã được dùng cho một lô khác; mỗi lô ký phải có mã riêng.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="164"/>
        <source>There is no batch {batch_id}.</source>
        <translation>Không có lô {batch_id}.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="412"/>
        <source>There is no certificate {uvci}.</source>
        <translation>Không có chứng nhận {uvci}.</translation>
    </message>
</context>
<context>
    <name>services.central.setup</name>
    <message>
        <location filename="../../services/central/setup.py" line="32"/>
        <location filename="../../services/central/setup.py" line="143"/>
        <source>{path} is already a central service data folder.</source>
        <translation>{path} đã là thư mục dữ liệu của dịch vụ trung ương.</translation>
    </message>
    <message>
        <location filename="../../services/central/setup.py" line="36"/>
        <source>The algorithm {alg} is not supported (PS256 or ES256).</source>
        <translation>Thuật toán {alg} không được hỗ trợ (PS256 hoặc ES256).</translation>
    </message>
    <message>
        <location filename="../../services/central/setup.py" line="41"/>
        <source>The signing key needs a passphrase: set {env} (or use --store-passphrase for a test folder, which keeps the passphrase beside the key).</source>
        <translation>Cần mật khẩu cho khoá ký: đặt biến môi trường {env} (hoặc dùng --store-passphrase cho thư mục thử nghiệm, mật khẩu sẽ nằm cạnh khoá).</translation>
    </message>
    <message>
        <location filename="../../services/central/setup.py" line="115"/>
        <source>No facility or focal agency is registered under the code {code}.</source>
        <translation>Chưa có cơ sở hay đơn vị đầu mối nào mang mã {code}.</translation>
    </message>
</context>
<context>
    <name>services.central.signers</name>
    <message>
        <location filename="../../services/central/signers.py" line="25"/>
        <source>The facility code "{code}" is not valid (1-20 letters, digits, . _ -).</source>
        <translation>Mã cơ sở "{code}" không hợp lệ (1-20 chữ, số, . _ -).</translation>
    </message>
    <message>
        <location filename="../../services/central/signers.py" line="61"/>
        <source>List the facilities the focal agency may sign for.</source>
        <translation>Hãy nêu các cơ sở mà đơn vị đầu mối được ký thay.</translation>
    </message>
    <message>
        <location filename="../../services/central/signers.py" line="78"/>
        <source>The certificate {subject} is not a CA.</source>
        <translation>Chứng thư {subject} không phải chứng thư CA.</translation>
    </message>
    <message>
        <location filename="../../services/central/signers.py" line="35"/>
        <source>Cannot read the certificate: {err}</source>
        <translation>Không đọc được chứng thư: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.storage</name>
    <message>
        <location filename="../../services/central/storage.py" line="61"/>
        <source>Cannot open the central database: {err}</source>
        <translation>Không mở được cơ sở dữ liệu trung ương: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.updates</name>
    <message>
        <location filename="../../services/central/updates.py" line="55"/>
        <source>The key {file} is not an Ed25519 key.</source>
        <translation>Khoá {file} không phải khoá Ed25519.</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="45"/>
        <source>There is no update signing key {file}.</source>
        <translation>Chưa có khoá ký bản cập nhật {file}.</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="70"/>
        <source>{kind} version {published} is already published; a new version must be greater.</source>
        <translation>Đã công bố {kind} phiên bản {published}; phiên bản mới phải lớn hơn.</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="90"/>
        <source>There is no update kind "{kind}".</source>
        <translation>Không có loại cập nhật "{kind}".</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="95"/>
        <source>No {kind} update has been published.</source>
        <translation>Chưa có bản cập nhật {kind} nào được công bố.</translation>
    </message>
</context>
</TS>
