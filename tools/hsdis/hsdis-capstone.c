/* A developer tool of lanewise, not part of the library: HotSpot's PrintAssembly plugin protocol on capstone (tools/hsdis/build.sh). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <capstone/capstone.h>

typedef void* (*event_cb)(void*, const char*, void*);
typedef int (*printf_cb)(void*, const char*, ...);

void* decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char* buffer, uintptr_t length,
        event_cb event_callback, void* event_stream, printf_cb printf_callback, void* printf_stream,
        const char* options, int newline) {
    csh handle;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) return NULL;
    cs_option(handle, CS_OPT_SYNTAX, (options && strstr(options, "intel")) ? CS_OPT_SYNTAX_INTEL : CS_OPT_SYNTAX_ATT);
    cs_option(handle, CS_OPT_SKIPDATA, CS_OPT_ON);
    cs_insn* insn;
    size_t count = cs_disasm(handle, buffer, length, (uint64_t) start_va, 0, &insn);
    for (size_t j = 0; j < count; j++) {
        if (event_callback) event_callback(event_stream, "insn", (void*) (uintptr_t) insn[j].address);
        printf_callback(printf_stream, "%s\t%s", insn[j].mnemonic, insn[j].op_str);
        if (event_callback) event_callback(event_stream, "/insn", (void*) (uintptr_t) (insn[j].address + insn[j].size));
        if (newline) printf_callback(printf_stream, "\n");
    }
    if (count) cs_free(insn, count);
    cs_close(&handle);
    return NULL;
}
